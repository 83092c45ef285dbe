package org.openattendance.leave;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.CalendarData;
import org.openattendance.school.SchoolAdministration.TermData;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.London;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A leave request's check and decision fall due on school days of the school's own calendar: never on a weekend or
 * in half term, and the answer before a Monday departure is due on the Friday afternoon (before: the Sunday).
 */
@IntegrationTest
class LeaveDueDatesTest {

    @Autowired
    LeaveDueDates dueDates;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SchoolAdministration schools;

    String urn;

    /** Spring half term 2027 is the week of Monday 15 February. */
    @BeforeEach
    void schoolWithAHalfTerm() {
        urn = fixtures.school(fixtures.newLaCode()).urn();
        schools.saveCalendar(urn, new AcademicYear(2026), new CalendarData(List.of(
                new TermData(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 2, 12)),
                new TermData(LocalDate.of(2027, 2, 22), LocalDate.of(2027, 7, 21))), List.of()));
    }

    @Test
    void theOfficesCheckIsDueTwoSchoolDaysLaterNotOnTheSunday() {
        assertThat(dueDates.check(urn, at(2027, 1, 8, 15))).isEqualTo(at(2027, 1, 12, 15));
    }

    @Test
    void theCheckOfARequestMadeBeforeHalfTermIsDueAfterIt() {
        assertThat(dueDates.check(urn, at(2027, 2, 11, 10))).isEqualTo(at(2027, 2, 22, 10));
    }

    @Test
    void theDecisionIsDueFiveSchoolDaysLaterWhenTheLeaveIsFurtherAway() {
        assertThat(dueDates.decision(urn, at(2027, 1, 8, 15), LocalDate.of(2027, 1, 25))).isEqualTo(at(2027, 1, 15, 15));
        // Five school days from Thursday 11 February skip half term: Thursday 25 February.
        assertThat(dueDates.decision(urn, at(2027, 2, 11, 10), LocalDate.of(2027, 3, 1))).isEqualTo(at(2027, 2, 25, 10));
    }

    @Test
    void theDecisionBeforeAMondayDepartureIsDueOnTheFridayAfternoonNotOnTheSunday() {
        assertThat(dueDates.decision(urn, at(2027, 1, 6, 9), LocalDate.of(2027, 1, 11))).isEqualTo(at(2027, 1, 8, 16));
        // Leave from the Monday after half term: the last school day before it is Friday 12 February.
        assertThat(dueDates.decision(urn, at(2027, 2, 10, 9), LocalDate.of(2027, 2, 22))).isEqualTo(at(2027, 2, 12, 16));
    }

    @Test
    void theDecisionIsNeverDueSoonerThanTheNextSchoolDay() {
        // Asked on Friday afternoon for leave from Monday: the next school day, Monday, at the same time.
        assertThat(dueDates.decision(urn, at(2027, 1, 8, 15), LocalDate.of(2027, 1, 11))).isEqualTo(at(2027, 1, 11, 15));
    }

    private static Date at(int year, int month, int day, int hour) {
        return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(London.ZONE).toInstant());
    }
}
