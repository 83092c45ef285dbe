package org.openattendance.attendance.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openattendance.attendance.calculator.TestCalendars.d;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openattendance.shared.Session;

class PenaltyThresholdTest {

    private static final SessionCalendar CALENDAR = TestCalendars.TWO_YEARS;

    private final AttendanceCalculator calculator = new AttendanceCalculator(TestCodes.STANDARD);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                          | marks                                                           | end date   | sessions | window start | weeks | met
            9 sessions: not met              | 2024-12-02..2024-12-05 G G; 2024-12-06 G -                      | 2024-12-13 | 9        | 2024-09-30   | 10    | false
            the 10th session: met            | 2024-12-02..2024-12-06 G G                                      | 2024-12-13 | 10       | 2024-09-30   | 10    | true
            not consecutive, mixed codes     | 2024-10-01 N -; 2024-10-09 - O; 2024-10-15 U U; 2024-11-05 G G; 2024-11-20 N N; 2024-12-10 O -; 2024-12-11 - U | 2024-12-13 | 10 | 2024-09-30 | 10 | true
            before the window: not counted   | 2024-09-23..2024-09-27 G G; 2024-12-02..2024-12-05 G G; 2024-12-06 G - | 2024-12-13 | 9   | 2024-09-30   | 10    | false
            half term skipped: 3 Sep counts  | 2024-09-03 G -; 2024-11-11..2024-11-14 G G; 2024-11-15 G -      | 2024-11-15 | 10       | 2024-09-02   | 10    | true
            a week later 3 Sep drops out     | 2024-09-03 G -; 2024-11-11..2024-11-14 G G; 2024-11-15 G -      | 2024-11-22 | 9        | 2024-09-09   | 10    | false
            summer skipped: June counts      | 2025-06-10 O O; 2025-07-22 G G; 2025-09-03..2025-09-05 G G      | 2025-09-19 | 10       | 2025-06-09   | 10    | true
            summer skipped: week of 2 Jun out| 2025-06-06 O O; 2025-07-22 G G; 2025-09-03..2025-09-05 G G      | 2025-09-19 | 8        | 2025-06-09   | 10    | false
            marks after the end date ignored | 2024-12-02..2024-12-05 G G; 2024-12-06 G G                      | 2024-12-05 | 8        | 2024-09-23   | 10    | false
            end date the day after           | 2024-12-02..2024-12-05 G G; 2024-12-06 G G                      | 2024-12-06 | 10       | 2024-09-23   | 10    | true
            other codes do not qualify       | 2024-12-02..2024-12-06 M I; 2024-12-09..2024-12-13 / L           | 2024-12-13 | 0        | 2024-09-30   | 10    | false
            end date in a holiday week       | 2024-10-21..2024-10-25 U U                                      | 2024-10-30 | 10       | 2024-09-02   | 8     | true
            calendar not yet started         | 2024-08-12 G G                                                  | 2024-08-15 | 0        | 2024-08-15   | 0     | false
            """)
    void rollingWindowOfTenSchoolWeeks(String description, String marks, LocalDate end, int sessions,
            LocalDate windowStart, int weeks, boolean met) {
        PenaltyThresholdStatus status = calculator.penaltyThreshold(TestMarks.parse(marks, CALENDAR), CALENDAR, end);

        assertThat(status).isEqualTo(new PenaltyThresholdStatus(sessions, windowStart, end, met, weeks));
    }

    @ParameterizedTest(name = "codes {0}: {1} sessions, met {2}")
    @CsvSource({
            "'G,N,O,U', 10, true",
            "'G,O,U',    5, false",
            "'N',        5, false",
    })
    void qualifyingCodesArePolicy(String codes, int sessions, boolean met) {
        List<Mark> marks = TestMarks.parse("2024-12-02..2024-12-06 N G", CALENDAR);

        PenaltyThresholdStatus status = calculator.penaltyThreshold(marks, CALENDAR, d("2024-12-06"), Set.of(codes.split(",")));

        assertThat(status.sessions()).isEqualTo(sessions);
        assertThat(status.met()).isEqualTo(met);
    }

    @Test
    void policyOfTheCalculatorAppliesByDefault() {
        AttendanceCalculator gou = new AttendanceCalculator(TestCodes.STANDARD,
                new AttendancePolicy(Set.of("G", "O", "U"), Set.of("N"), Set.of("I")));
        List<Mark> marks = TestMarks.parse("2024-12-02..2024-12-06 N G", CALENDAR);

        assertThat(calculator.penaltyThreshold(marks, CALENDAR, d("2024-12-06")).sessions()).isEqualTo(10);
        assertThat(gou.penaltyThreshold(marks, CALENDAR, d("2024-12-06")).sessions()).isEqualTo(5);
        assertThat(AttendanceCalculator.DEFAULT_PENALTY_CODES).containsExactlyInAnyOrder("G", "N", "O", "U");
    }

    @Test
    void policyCodeMissingFromTheTableIsRejected() {
        assertThatThrownBy(() -> calculator.penaltyThreshold(List.of(), CALENDAR, d("2024-12-06"), Set.of("G", "Q9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Penalty code 'Q9' is not in the code table");
        assertThatThrownBy(() -> new AttendanceCalculator(TestCodes.STANDARD,
                new AttendancePolicy(Set.of("G"), Set.of("N"), Set.of("ILL"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Illness code 'ILL' is not in the code table");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                               | marks                                                        | from       | to         | first met
            10th session on Fri 6 Dec            | 2024-12-02..2024-12-06 G G                                   | 2024-09-01 | 2025-08-31 | 2024-12-06
            period ends the day before           | 2024-12-02..2024-12-06 G G                                   | 2024-09-01 | 2024-12-05 |
            already met when the period starts   | 2024-12-02..2024-12-06 G G                                   | 2024-12-09 | 2025-08-31 |
            met again after the window moved on | 2024-12-02..2024-12-06 G G; 2025-03-03..2025-03-07 O O       | 2024-12-09 | 2025-08-31 | 2025-03-07
            an 11th session is not a new crossing| 2024-12-02..2024-12-06 G G; 2025-01-06 G -                   | 2024-12-09 | 2025-08-31 |
            crossing across the summer           | 2025-07-14..2025-07-18 N -; 2025-07-21 N N; 2025-09-03 U U; 2025-09-04 U U | 2025-09-01 | 2025-12-31 | 2025-09-04
            never 10 in any window               | 2024-09-02..2024-09-06 G -; 2024-11-18..2024-11-22 G -       | 2024-09-01 | 2025-08-31 |
            """)
    void firstDateTheThresholdBecameMet(String description, String marks, LocalDate from, LocalDate to, LocalDate expected) {
        Optional<LocalDate> first = calculator.firstDatePenaltyThresholdMet(
                TestMarks.parse(marks, CALENDAR), CALENDAR, new ReportingPeriod(from, to));

        assertThat(first).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void firstDateAgreesWithEvaluatingEveryDay() {
        Random random = new Random(20240902);
        ReportingPeriod period = new ReportingPeriod(d("2024-09-01"), d("2026-07-31"));
        int pupilsReachingThreshold = 0;
        for (int pupil = 0; pupil < 40; pupil++) {
            List<Mark> marks = randomMarks(random, 0.03 + pupil * 0.004);
            Optional<LocalDate> expected = firstCrossingDayByDay(marks, period);
            assertThat(calculator.firstDatePenaltyThresholdMet(marks, CALENDAR, period)).as("pupil %d", pupil).isEqualTo(expected);
            pupilsReachingThreshold += expected.isPresent() ? 1 : 0;
        }
        assertThat(pupilsReachingThreshold).isBetween(10, 39);
    }

    private List<Mark> randomMarks(Random random, double absenceRate) {
        String[] codes = {"G", "N", "O", "U", "I", "M"};
        List<Mark> marks = new ArrayList<>();
        for (LocalDate day = d("2024-09-02"); !day.isAfter(d("2026-07-21")); day = day.plusDays(1)) {
            for (Session session : Session.values()) {
                if (CALENDAR.isOpen(day, session)) {
                    String code = random.nextDouble() < absenceRate ? codes[random.nextInt(codes.length)] : "/";
                    marks.add(new Mark(day, session, code));
                }
            }
        }
        return marks;
    }

    private Optional<LocalDate> firstCrossingDayByDay(List<Mark> marks, ReportingPeriod period) {
        boolean metBefore = calculator.penaltyThreshold(marks, CALENDAR, period.from().minusDays(1)).met();
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            boolean met = calculator.penaltyThreshold(marks, CALENDAR, day).met();
            if (met && !metBefore) {
                return Optional.of(day);
            }
            metBefore = met;
        }
        return Optional.empty();
    }
}
