package org.openattendance.attendance.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.attendance.calculator.TestCalendars.d;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttendanceCalculatorTest {

    private static final SessionCalendar CALENDAR = TestCalendars.TWO_YEARS;

    private final AttendanceCalculator calculator = new AttendanceCalculator(TestCodes.STANDARD);

    @Test
    void summariseGivesEverythingAsOfADate() {
        List<Mark> marks = TestMarks.parse("""
                2024-09-02..2024-09-06 / \\;
                2024-09-09..2024-09-10 I I; 2024-09-11..2024-09-13 / \\;
                2024-09-16..2024-09-17 G G; 2024-09-19 N N; 2024-09-20 N -;
                2024-09-23 / \\""", CALENDAR);

        PupilSummary summary = calculator.summarise(marks, CALENDAR, EnrolmentDates.onRollSince(d("2024-09-02")),
                new ReportingPeriod(d("2024-09-01"), d("2025-08-31")), d("2024-09-20"));

        assertThat(summary.asOf()).isEqualTo(d("2024-09-20"));
        // 27 possible: 10 + 10 + 4 G + 2 N + 1 N (Friday afternoon closed); 23 Sep is after the as-of date
        assertThat(summary.figures()).isEqualTo(new AttendanceFigures(27, 16, 4, 7,
                new BigDecimal("59.3"), new BigDecimal("40.7"), AttendanceBand.PERSISTENT));
        assertThat(summary.penaltyThreshold())
                .isEqualTo(new PenaltyThresholdStatus(7, d("2024-09-02"), d("2024-09-20"), false, 3));
        // Thursday and the Friday morning; the INSET Wednesday is not a school day; G on Tuesday is explained
        assertThat(summary.unexplainedAbsence()).isEqualTo(new SchoolDayStreak(2, d("2024-09-19"), d("2024-09-20")));
        assertThat(summary.illness()).isEqualTo(new IllnessSummary(4, new BigDecimal("2.0"), SchoolDayStreak.NONE));
    }

    @Test
    void summaryBeforeAdmissionIsEmpty() {
        List<Mark> marks = TestMarks.parse("2024-09-02..2024-09-06 / \\", CALENDAR);

        PupilSummary summary = calculator.summarise(marks, CALENDAR, EnrolmentDates.onRollSince(d("2024-10-01")),
                new ReportingPeriod(d("2024-09-01"), d("2025-08-31")), d("2024-09-20"));

        assertThat(summary.figures()).isEqualTo(AttendanceFigures.NONE);
        assertThat(summary.illness().days()).isEqualTo(new BigDecimal("0.0"));
    }

    @Test
    void defaultPolicy() {
        assertThat(calculator.policy()).isEqualTo(new AttendancePolicy(Set.of("G", "N", "O", "U"), Set.of("N"), Set.of("I")));
    }
}
