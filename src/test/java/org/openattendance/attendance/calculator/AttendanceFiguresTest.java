package org.openattendance.attendance.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openattendance.attendance.calculator.TestCalendars.d;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openattendance.shared.Session;

class AttendanceFiguresTest {

    private static final EnrolmentDates ON_ROLL = EnrolmentDates.onRollSince(d("2020-01-01"));
    private static final ReportingPeriod WIDE = new ReportingPeriod(d("2020-01-01"), d("2029-12-31"));

    private final AttendanceCalculator calculator = new AttendanceCalculator(TestCodes.STANDARD);

    @ParameterizedTest(name = "{0} -> {5} % / {6} % {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # marks               | possible | attended | authorised | unauthorised | attendance % | absence % | band
            /:90 U:10             | 100      | 90       | 0          | 10           | 90.0         | 10.0      | PERSISTENT
            /:91 U:9              | 100      | 91       | 0          | 9            | 91.0         | 9.0       | NONE
            /:50 G:50             | 100      | 50       | 0          | 50           | 50.0         | 50.0      | SEVERE
            /:51 O:49             | 100      | 51       | 0          | 49           | 51.0         | 49.0      | PERSISTENT
            /:90 U:10 Y4:20       | 100      | 90       | 0          | 10           | 90.0         | 10.0      | PERSISTENT
            /:91 I:9 Y4:20        | 100      | 91       | 9          | 0            | 91.0         | 9.0       | NONE
            /:900 M:60 N:40       | 1000     | 900      | 60         | 40           | 90.0         | 10.0      | PERSISTENT
            /:901 N:99            | 1000     | 901      | 0          | 99           | 90.1         | 9.9       | NONE
            /:226 O:25            | 251      | 226      | 0          | 25           | 90.0         | 10.0      | NONE
            /:2 N:1               | 3        | 2        | 0          | 1            | 66.7         | 33.3      | PERSISTENT
            /:1 N:2               | 3        | 1        | 0          | 2            | 33.3         | 66.7      | SEVERE
            /:399 O:1             | 400      | 399      | 0          | 1            | 99.8         | 0.3       | NONE
            /:7 C:1               | 8        | 7        | 1          | 0            | 87.5         | 12.5      | PERSISTENT
            /:10 \\:10            | 20       | 20       | 0          | 0            | 100.0        | 0.0       | NONE
            G:4                   | 4        | 0        | 0          | 4            | 0.0          | 100.0     | SEVERE
            /:5 L:1 V:2 M:3 G:4 D:2 #:2 | 15 | 8        | 3          | 4            | 53.3         | 46.7      | PERSISTENT
            Y4:20 D:3 #:2 Z:1 X:1 | 0        | 0        | 0          | 0            |              |           | NONE
            """)
    void figuresFromCodeCounts(String marks, int possible, int attended, int authorised, int unauthorised,
            BigDecimal attendancePercent, BigDecimal absencePercent, AttendanceBand band) {
        AttendanceFigures figures = calculator.figures(TestMarks.sequence(marks), ON_ROLL, WIDE);

        assertThat(figures).isEqualTo(new AttendanceFigures(possible, attended, authorised, unauthorised,
                attendancePercent, absencePercent, band));
    }

    // 9.96 % rounds to 10.0 but is not persistent absence; 10 of 100 is; 50 of 100 is severe and persistent
    @ParameterizedTest(name = "{0} absent of {1}: persistent {2}, severe {3}")
    @CsvSource({
            "10,  100,  true,  false",
            "9,   100,  false, false",
            "99,  1000, false, false",
            "100, 1000, true,  false",
            "25,  251,  false, false",
            "26,  251,  true,  false",
            "50,  100,  true,  true",
            "49,  100,  true,  false",
            "0,   0,    false, false",
    })
    void bandsUseExactIntegerComparison(int absent, int possible, boolean persistent, boolean severe) {
        AttendanceFigures figures = AttendanceFigures.fromCounts(possible - absent, 0, absent);

        assertThat(figures.persistentlyAbsent()).isEqualTo(persistent);
        assertThat(figures.severelyAbsent()).isEqualTo(severe);
        assertThat(figures.absent()).isEqualTo(absent);
    }

    @ParameterizedTest(name = "code {0}")
    @CsvSource({
            "/,  1, 1, 0, 0", "\\, 1, 1, 0, 0", "L,  1, 1, 0, 0",
            "K,  1, 1, 0, 0", "V,  1, 1, 0, 0", "P,  1, 1, 0, 0", "W,  1, 1, 0, 0", "B,  1, 1, 0, 0",
            "C1, 1, 0, 1, 0", "M,  1, 0, 1, 0", "J1, 1, 0, 1, 0", "S,  1, 0, 1, 0", "C2, 1, 0, 1, 0",
            "C,  1, 0, 1, 0", "T,  1, 0, 1, 0", "R,  1, 0, 1, 0", "I,  1, 0, 1, 0", "E,  1, 0, 1, 0",
            "G,  1, 0, 0, 1", "N,  1, 0, 0, 1", "O,  1, 0, 0, 1", "U,  1, 0, 0, 1",
            "D,  0, 0, 0, 0", "X,  0, 0, 0, 0", "Q,  0, 0, 0, 0", "Z,  0, 0, 0, 0", "'#', 0, 0, 0, 0",
            "Y1, 0, 0, 0, 0", "Y2, 0, 0, 0, 0", "Y3, 0, 0, 0, 0", "Y4, 0, 0, 0, 0",
            "Y5, 0, 0, 0, 0", "Y6, 0, 0, 0, 0", "Y7, 0, 0, 0, 0",
    })
    void eachCodeCountsByItsCategory(String code, int possible, int attended, int authorised, int unauthorised) {
        AttendanceFigures figures = calculator.figures(TestMarks.sequence(code + ":1"), ON_ROLL, WIDE);

        assertThat(List.of(figures.possible(), figures.attended(), figures.authorised(), figures.unauthorised()))
                .containsExactly(possible, attended, authorised, unauthorised);
    }

    @Test
    void twentyExtraY4SessionsChangeNothing() {
        List<Mark> marks = TestMarks.parse("2024-09-02..2024-11-08 / \\");  // 50 weekdays
        marks.replaceAll(mark -> mark.date().isBefore(d("2024-09-09")) ? new Mark(mark.date(), mark.session(), "U") : mark);
        List<Mark> withY4 = new ArrayList<>(marks);
        withY4.addAll(TestMarks.parse("2024-11-11..2024-11-22 Y4 Y4"));

        AttendanceFigures without = calculator.figures(marks, ON_ROLL, WIDE);
        assertThat(without).isEqualTo(new AttendanceFigures(100, 90, 0, 10,
                new BigDecimal("90.0"), new BigDecimal("10.0"), AttendanceBand.PERSISTENT));
        assertThat(withY4).hasSize(120);
        assertThat(calculator.figures(withY4, ON_ROLL, WIDE)).isEqualTo(without);
    }

    @ParameterizedTest(name = "admitted {0}, left {1}, period {2}..{3}: possible {4}")
    @CsvSource({
            // marks: week of 2 Sep present, week of 9 Sep O O
            "2024-09-02,           , 2024-09-01, 2025-08-31, 20, 10, 10",
            "2024-09-05,           , 2024-09-01, 2025-08-31, 14,  4, 10",
            "2024-09-02, 2024-09-10, 2024-09-01, 2025-08-31, 14, 10,  4",
            "2024-09-05, 2024-09-10, 2024-09-01, 2025-08-31,  8,  4,  4",
            "2024-09-02, 2024-09-09, 2024-09-01, 2025-08-31, 12, 10,  2",  // leaving day itself counts
            "2024-09-02,           , 2024-09-09, 2025-08-31, 10,  0, 10",
            "2024-09-02,           , 2024-09-01, 2024-09-03,  4,  4,  0",
            "2024-09-16,           , 2024-09-01, 2025-08-31,  0,  0,  0",  // admitted after the marks
            "2024-06-01, 2024-08-31, 2024-09-01, 2025-08-31,  0,  0,  0",  // left before the period
    })
    void marksOutsideEnrolmentAndPeriodAreIgnored(LocalDate admitted, LocalDate left, LocalDate from, LocalDate to,
            int possible, int attended, int unauthorised) {
        List<Mark> marks = TestMarks.parse("2024-09-02..2024-09-06 / \\; 2024-09-09..2024-09-13 O O");

        AttendanceFigures figures = calculator.figures(marks, new EnrolmentDates(admitted, left), new ReportingPeriod(from, to));

        assertThat(List.of(figures.possible(), figures.attended(), figures.unauthorised()))
                .containsExactly(possible, attended, unauthorised);
    }

    @Test
    void zeroPossibleGivesNullPercentagesAndNoBand() {
        AttendanceFigures figures = calculator.figures(List.of(), ON_ROLL, WIDE);

        assertThat(figures).isEqualTo(new AttendanceFigures(0, 0, 0, 0, null, null, AttendanceBand.NONE));
    }

    @Test
    void classificationComesFromTheTableGiven() {
        // an LA table in which N counts as authorised: nothing about N is built into the calculator
        CodeTable altered = TestCodes.parse(TestCodes.CSV.replace("N,UNAUTHORISED,true,false,true", "N,AUTHORISED,true,false,false"));
        List<Mark> marks = TestMarks.sequence("/:8 N:2");

        assertThat(new AttendanceCalculator(altered).figures(marks, ON_ROLL, WIDE).authorised()).isEqualTo(2);
        assertThat(calculator.figures(marks, ON_ROLL, WIDE).unauthorised()).isEqualTo(2);
    }

    @Test
    void unknownCodeIsRejected() {
        List<Mark> marks = List.of(new Mark(d("2024-09-09"), Session.AM, "Q9"));

        assertThatThrownBy(() -> calculator.figures(marks, ON_ROLL, WIDE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown attendance code: 'Q9'");
    }

    @Test
    void twoMarksForOneSessionAreRejected() {
        List<Mark> marks = List.of(new Mark(d("2024-09-09"), Session.AM, "/"), new Mark(d("2024-09-09"), Session.AM, "N"));

        assertThatThrownBy(() -> calculator.figures(marks, ON_ROLL, WIDE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Two marks for the same session: 2024-09-09 AM");
    }
}
