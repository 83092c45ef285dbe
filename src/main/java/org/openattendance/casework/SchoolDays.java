package org.openattendance.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.springframework.stereotype.Component;

/**
 * Counts school days on a school's own calendar (terms and closures), so that a task due "in 2 days" is due two
 * school days later, not on a Sunday or in half term. Years without a calendar count every weekday.
 */
@Component
class SchoolDays {

    private static final int LOOK_AHEAD = 400;

    private final SchoolCalendars calendars;

    SchoolDays(SchoolCalendars calendars) {
        this.calendars = calendars;
    }

    /** The {@code days}-th school day after {@code from}; {@code from} itself when days is 0. */
    LocalDate after(String schoolUrn, LocalDate from, int days) {
        if (days <= 0 || schoolUrn == null) {
            return from.plusDays(Math.max(days, 0));
        }
        AcademicYear year = AcademicYear.containing(from);
        SchoolCalendar calendar = calendars.forYears(schoolUrn, List.of(year, new AcademicYear(year.startYear() + 1)));
        Set<AcademicYear> known = calendar.terms().stream().map(SchoolCalendar.Term::academicYear)
                .collect(Collectors.toSet());
        LocalDate day = from;
        for (int counted = 0, looked = 0; counted < days && looked < LOOK_AHEAD; looked++) {
            day = day.plusDays(1);
            if (isSchoolDay(calendar, known, day)) {
                counted++;
            }
        }
        return day;
    }

    /** The {@code days}-th school day before {@code from}; {@code from} itself when days is 0. */
    LocalDate before(String schoolUrn, LocalDate from, int days) {
        if (days <= 0 || schoolUrn == null) {
            return from.minusDays(Math.max(days, 0));
        }
        AcademicYear year = AcademicYear.containing(from);
        SchoolCalendar calendar = calendars.forYears(schoolUrn, List.of(new AcademicYear(year.startYear() - 1), year));
        Set<AcademicYear> known = calendar.terms().stream().map(SchoolCalendar.Term::academicYear)
                .collect(Collectors.toSet());
        LocalDate day = from;
        for (int counted = 0, looked = 0; counted < days && looked < LOOK_AHEAD; looked++) {
            day = day.minusDays(1);
            if (isSchoolDay(calendar, known, day)) {
                counted++;
            }
        }
        return day;
    }

    private static boolean isSchoolDay(SchoolCalendar calendar, Set<AcademicYear> known, LocalDate day) {
        if (known.contains(AcademicYear.containing(day))) {
            return calendar.isOpen(day, Session.AM) || calendar.isOpen(day, Session.PM);
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
