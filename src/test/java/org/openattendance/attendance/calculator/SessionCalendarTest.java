package org.openattendance.attendance.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openattendance.attendance.calculator.TestCalendars.d;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openattendance.shared.Session;

class SessionCalendarTest {

    private final SessionCalendar calendar = TestCalendars.TWO_YEARS;

    @ParameterizedTest(name = "{0} {1} open: {2}")
    @CsvSource({
            "2024-09-02, AM, true",   // first day of term
            "2024-09-02, PM, true",
            "2024-09-01, AM, false",  // Sunday before term
            "2024-09-07, AM, false",  // Saturday
            "2024-09-18, AM, false",  // INSET day
            "2024-09-18, PM, false",
            "2024-09-20, AM, true",   // closes at lunchtime
            "2024-09-20, PM, false",
            "2024-10-30, AM, false",  // half term
            "2025-05-05, PM, false",  // bank holiday
            "2025-07-22, PM, true",   // last day of the year
            "2025-07-23, AM, false",
            "2025-09-03, AM, true",
            "2027-01-04, AM, false",  // beyond the calendar
    })
    void openSessions(LocalDate date, Session session, boolean open) {
        assertThat(calendar.isOpen(date, session)).isEqualTo(open);
    }

    @ParameterizedTest(name = "{0}: school day {1}, school week {2}")
    @CsvSource({
            "2024-09-18, false, true",   // INSET day in a school week
            "2024-09-20, true,  true",   // half day is a school day
            "2024-09-21, false, true",   // Saturday of a school week
            "2024-10-30, false, false",  // half-term week
            "2025-07-23, false, true",   // week of 21 Jul 2025 has two school days
            "2025-08-13, false, false",  // summer holiday
            "2025-09-01, false, true",   // Monday of the week term starts on Wednesday
    })
    void schoolDaysAndWeeks(LocalDate date, boolean schoolDay, boolean schoolWeek) {
        assertThat(calendar.isSchoolDay(date)).isEqualTo(schoolDay);
        assertThat(calendar.isSchoolWeek(date)).isEqualTo(schoolWeek);
    }

    @ParameterizedTest(name = "{0}..{1}: {2} days, {3} sessions")
    @CsvSource({
            "2024-09-16, 2024-09-20,   4,   7",  // INSET Wed, half-day Fri
            "2024-10-21, 2024-11-08,  10,  20",  // across half term
            "2024-09-02, 2025-07-22, 194, 387",  // whole year: 196 term weekdays less 2 closed days, less half a day
            "2025-08-01, 2025-08-31,   0,   0",
    })
    void counts(LocalDate from, LocalDate to, int days, int sessions) {
        assertThat(calendar.countSchoolDays(from, to)).isEqualTo(days);
        assertThat(calendar.countOpenSessions(from, to)).isEqualTo(sessions);
    }

    @ParameterizedTest(name = "{1} school days after {0} is {2}")
    @CsvSource({
            "2024-09-17, 1, 2024-09-19",  // skips the INSET day
            "2024-10-24, 2, 2024-11-04",  // skips half term
            "2024-09-13, 5, 2024-09-23",  // weekend and INSET day
            "2025-07-21, 1, 2025-07-22",
            "2025-07-22, 1, 2025-09-03",  // across the summer
    })
    void plusSchoolDays(LocalDate date, int n, LocalDate expected) {
        assertThat(calendar.plusSchoolDays(date, n)).contains(expected);
    }

    @Test
    void plusSchoolDaysBeyondTheCalendarIsEmpty() {
        assertThat(calendar.plusSchoolDays(d("2026-07-21"), 1)).isEmpty();
    }

    @Test
    void builderAddsOpenSessionsAndIgnoresClosuresOutsideTerms() {
        SessionCalendar custom = SessionCalendar.builder()
                .closure(d("2024-09-01"))                    // before the term: ignored
                .term(d("2024-09-02"), d("2024-09-06"))
                .openSession(d("2024-09-07"), Session.AM)     // Saturday morning
                .closure(d("2024-09-04"), Session.AM)
                .build();
        assertThat(custom.countOpenSessions(d("2024-08-01"), d("2024-09-30"))).isEqualTo(10);
        assertThat(custom.isOpen(d("2024-09-07"), Session.AM)).isTrue();
        assertThat(custom.isOpen(d("2024-09-07"), Session.PM)).isFalse();
        assertThat(custom.isOpen(d("2024-09-04"), Session.PM)).isTrue();
    }

    @Test
    void emptyCalendarHasNoSchoolDays() {
        SessionCalendar empty = SessionCalendar.builder().build();
        assertThat(empty.isSchoolDay(d("2024-09-02"))).isFalse();
        assertThat(empty.countSchoolDays(d("2024-01-01"), d("2024-12-31"))).isZero();
    }

    @Test
    void termEndingBeforeItStartsIsRejected() {
        assertThatThrownBy(() -> SessionCalendar.builder().term(d("2024-09-06"), d("2024-09-02")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
