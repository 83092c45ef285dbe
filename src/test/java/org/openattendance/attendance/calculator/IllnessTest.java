package org.openattendance.attendance.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.attendance.calculator.TestCalendars.d;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IllnessTest {

    private static final SessionCalendar CALENDAR = TestCalendars.TWO_YEARS;
    private static final ReportingPeriod YEAR = new ReportingPeriod(d("2024-09-01"), d("2025-08-31"));

    private final AttendanceCalculator calculator = new AttendanceCalculator(TestCodes.STANDARD);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                          | marks                                          | admitted   | as of      | sessions | days | streak | streak from
            one half day                     | 2024-09-09 I /                                 | 2024-09-02 | 2024-09-13 | 1        | 0.5  | 0      |
            afternoon then four days         | 2024-09-09 / I; 2024-09-10..2024-09-13 I I     | 2024-09-02 | 2024-09-13 | 9        | 4.5  | 4      | 2024-09-10
            continuous across half term      | 2024-10-24..2024-11-05 I I                     | 2024-09-02 | 2024-11-05 | 8        | 4.0  | 4      | 2024-10-24
            two spells, streak is the latest | 2024-09-09..2024-09-10 I I; 2024-09-11 / \\; 2024-09-12 I I; 2024-09-13 I - | 2024-09-02 | 2024-09-13 | 7 | 3.5 | 1 | 2024-09-12
            marks before admission ignored   | 2024-09-09..2024-09-13 I I                     | 2024-09-11 | 2024-09-13 | 6        | 3.0  | 5      | 2024-09-09
            marks after the as-of date       | 2024-09-09..2024-09-13 I I                     | 2024-09-02 | 2024-09-10 | 4        | 2.0  | 2      | 2024-09-09
            no illness                       | 2024-09-09..2024-09-13 / \\                    | 2024-09-02 | 2024-09-13 | 0        | 0.0  | 0      |
            fifteen school days              | 2025-01-06..2025-01-24 I I                     | 2024-09-02 | 2025-01-24 | 30       | 15.0 | 15     | 2025-01-06
            """)
    void illnessSessionsDaysAndStreak(String description, String marks, LocalDate admitted, LocalDate asOf, int sessions,
            BigDecimal days, int streakDays, LocalDate streakFrom) {
        IllnessSummary illness = calculator.illness(TestMarks.parse(marks, CALENDAR), CALENDAR,
                EnrolmentDates.onRollSince(admitted), YEAR, asOf);

        assertThat(illness.sessions()).isEqualTo(sessions);
        assertThat(illness.days()).isEqualTo(days);
        assertThat(illness.currentStreak().schoolDays()).isEqualTo(streakDays);
        assertThat(illness.currentStreak().firstDay()).isEqualTo(streakFrom);
    }
}
