package org.openattendance.attendance.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.attendance.calculator.TestCalendars.d;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnexplainedStreakTest {

    private static final SessionCalendar CALENDAR = TestCalendars.TWO_YEARS;

    private final AttendanceCalculator calculator = new AttendanceCalculator(TestCodes.STANDARD);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                   | marks                                                             | as of      | days | first      | last
            a full week of N                          | 2024-09-09..2024-09-13 N N                                        | 2024-09-13 | 5    | 2024-09-09 | 2024-09-13
            broken by a present day                   | 2024-09-09..2024-09-10 N N; 2024-09-11 / \\; 2024-09-12..2024-09-13 N N | 2024-09-13 | 2 | 2024-09-12 | 2024-09-13
            broken by an authorised absence           | 2024-09-09 N N; 2024-09-10 I I; 2024-09-11 N N                    | 2024-09-11 | 1    | 2024-09-11 | 2024-09-11
            not broken by a weekend                   | 2024-09-12..2024-09-17 N N                                        | 2024-09-17 | 4    | 2024-09-12 | 2024-09-17
            not broken by half term                   | 2024-10-24..2024-11-05 N N                                        | 2024-11-05 | 4    | 2024-10-24 | 2024-11-05
            INSET day and afternoon closure           | 2024-09-16..2024-09-20 N N                                        | 2024-09-20 | 4    | 2024-09-16 | 2024-09-20
            marks on a closed day are ignored         | 2024-09-16..2024-09-17 N N; 2024-09-18 O O; 2024-09-19 N N        | 2024-09-19 | 3    | 2024-09-16 | 2024-09-19
            half-day N is not a full day (start)      | 2024-09-09 / N; 2024-09-10..2024-09-13 N N                        | 2024-09-13 | 4    | 2024-09-10 | 2024-09-13
            half-day N is not a full day (end)        | 2024-09-09..2024-09-12 N N; 2024-09-13 N \\                       | 2024-09-13 | 0    |            |
            afternoon not registered yet              | 2024-09-09..2024-09-12 N N; 2024-09-13 N -                        | 2024-09-13 | 4    | 2024-09-09 | 2024-09-12
            present this morning                      | 2024-09-09..2024-09-12 N N; 2024-09-13 / -                        | 2024-09-13 | 0    |            |
            ends at the latest marked day             | 2024-09-09..2024-09-11 N N                                        | 2024-09-13 | 3    | 2024-09-09 | 2024-09-11
            marks after the as-of date ignored        | 2024-09-09..2024-09-13 N N                                        | 2024-09-11 | 3    | 2024-09-09 | 2024-09-11
            an unmarked school day breaks it          | 2024-09-09 N N; 2024-09-11..2024-09-12 N N                        | 2024-09-12 | 2    | 2024-09-11 | 2024-09-12
            Y4 day (site closed) neither counts nor breaks | 2024-09-09..2024-09-10 N N; 2024-09-11 Y4 Y4; 2024-09-12..2024-09-13 N N | 2024-09-13 | 4 | 2024-09-09 | 2024-09-13
            Y2 morning, N afternoon is a full day     | 2024-09-09 Y2 N; 2024-09-10 N N                                   | 2024-09-10 | 2    | 2024-09-09 | 2024-09-10
            O is not unexplained by default           | 2024-09-09..2024-09-10 O O; 2024-09-11..2024-09-13 N N            | 2024-09-13 | 3    | 2024-09-11 | 2024-09-13
            ten school days: the CME referral point   | 2024-09-23..2024-10-04 N N                                        | 2024-10-04 | 10   | 2024-09-23 | 2024-10-04
            across the summer holiday                 | 2025-07-21..2025-09-04 N N                                        | 2025-09-04 | 4    | 2025-07-21 | 2025-09-04
            no marks                                  | ''                                                                | 2024-09-13 | 0    |            |
            """)
    void currentStreakOfUnexplainedDays(String description, String marks, LocalDate asOf, int days, LocalDate first,
            LocalDate last) {
        SchoolDayStreak streak = calculator.unexplainedStreak(TestMarks.parse(marks, CALENDAR), CALENDAR, asOf);

        assertThat(streak).isEqualTo(new SchoolDayStreak(days, first, last));
    }

    @ParameterizedTest(name = "codes {0}: {1} days from {2}")
    @CsvSource({
            "'N',   3, 2024-09-11",
            "'N,O', 5, 2024-09-09",
            "'O',   0, ",
    })
    void unexplainedCodesArePolicy(String codes, int days, LocalDate first) {
        List<Mark> marks = TestMarks.parse("2024-09-09..2024-09-10 O O; 2024-09-11..2024-09-13 N N", CALENDAR);

        SchoolDayStreak streak = calculator.unexplainedStreak(marks, CALENDAR, d("2024-09-13"), Set.of(codes.split(",")));

        assertThat(streak.schoolDays()).isEqualTo(days);
        assertThat(streak.firstDay()).isEqualTo(first);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                             | marks                                         | as of      | mornings closed through | days | first      | last
            a first morning of N once the register has closed   | 2024-09-12 / \\; 2024-09-13 N -               | 2024-09-13 | 2024-09-13 | 1    | 2024-09-13 | 2024-09-13
            not while the morning register is still open         | 2024-09-12 / \\; 2024-09-13 N -               | 2024-09-13 | 2024-09-12 | 0    |            |
            the morning extends a run of whole days              | 2024-09-09..2024-09-12 N N; 2024-09-13 N -    | 2024-09-13 | 2024-09-13 | 5    | 2024-09-09 | 2024-09-13
            the afternoon N later leaves the count as it was     | 2024-09-09..2024-09-12 N N; 2024-09-13 N N    | 2024-09-13 | 2024-09-13 | 5    | 2024-09-09 | 2024-09-13
            an earlier day's morning, loaded late                | 2024-09-11 / \\; 2024-09-12 N -               | 2024-09-13 | 2024-09-12 | 1    | 2024-09-12 | 2024-09-12
            present in the afternoon ends the run                | 2024-09-09 N N; 2024-09-10 N /                | 2024-09-10 | 2024-09-10 | 0    |            |
            an authorised morning does not count                 | 2024-09-12 / \\; 2024-09-13 I -               | 2024-09-13 | 2024-09-13 | 0    |            |
            only the latest day may be a morning alone           | 2024-09-09 N -; 2024-09-10 N N                | 2024-09-10 | 2024-09-10 | 1    | 2024-09-10 | 2024-09-10
            a morning-only day with the afternoon closed counts  | 2024-09-19 N N; 2024-09-20 N -                | 2024-09-20 | 2024-09-19 | 2    | 2024-09-19 | 2024-09-20
            """)
    void aMorningOfUnexplainedAbsenceCountsOnceItsRegisterHasClosed(String description, String marks, LocalDate asOf,
            LocalDate morningsClosedThrough, int days, LocalDate first, LocalDate last) {
        SchoolDayStreak run = calculator.unexplainedRun(TestMarks.parse(marks, CALENDAR), CALENDAR, asOf,
                morningsClosedThrough);

        assertThat(run).isEqualTo(new SchoolDayStreak(days, first, last));
    }

    @Test
    void theSummaryCountsTheMorningOnlyWhenToldItsRegisterHasClosed() {
        List<Mark> marks = TestMarks.parse("2024-09-12 / \\; 2024-09-13 N -", CALENDAR);
        var enrolment = EnrolmentDates.onRollSince(d("2024-09-02"));
        var year = new ReportingPeriod(d("2024-09-02"), d("2025-07-22"));

        assertThat(calculator.summarise(marks, CALENDAR, enrolment, year, d("2024-09-13")).unexplainedAbsence().schoolDays())
                .isZero();
        assertThat(calculator.summarise(marks, CALENDAR, enrolment, year, d("2024-09-13"), d("2024-09-13"))
                .unexplainedAbsence()).isEqualTo(new SchoolDayStreak(1, d("2024-09-13"), d("2024-09-13")));
        assertThat(calculator.summarise(marks, CALENDAR, enrolment, year, d("2024-09-13"), List.of(), d("2024-09-13"))
                .unexplainedAbsence().schoolDays()).isEqualTo(1);
    }

    @Test
    void streakOfOneDayOnlyInTheMorning() {
        // an INSET-shortened Friday: one open session, coded N, is a whole unexplained school day
        List<Mark> marks = TestMarks.parse("2024-09-20 N -", CALENDAR);

        assertThat(calculator.unexplainedStreak(marks, CALENDAR, d("2024-09-20")))
                .isEqualTo(new SchoolDayStreak(1, d("2024-09-20"), d("2024-09-20")));
    }
}
