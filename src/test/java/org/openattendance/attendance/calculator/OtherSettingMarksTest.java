package org.openattendance.attendance.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.attendance.calculator.TestCalendars.d;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pupil who joined from another setting: the marks the previous school recorded (from a Common Transfer File) count
 * toward the penalty threshold's 10 school weeks, which may span schools (National Framework), and nowhere else.
 */
class OtherSettingMarksTest {

    private static final SessionCalendar NEW_SCHOOL = TestCalendars.TWO_YEARS;
    private static final EnrolmentDates JOINED_4_NOVEMBER = EnrolmentDates.onRollSince(d("2024-11-04"));
    private static final ReportingPeriod YEAR = new ReportingPeriod(d("2024-09-01"), d("2025-08-31"));

    private final AttendanceCalculator calculator = new AttendanceCalculator(TestCodes.STANDARD);

    // The previous school had no half term in the week of 28 October: its G sessions that week count too.
    private final List<Mark> previousSchool = TestMarks.parse(
            "2024-10-14 G G; 2024-10-15 G G; 2024-10-28 G -; 2024-10-29 / \\");
    private final List<Mark> newSchool = TestMarks.parse("2024-11-04 U /; 2024-11-05 U /; 2024-11-06 U /; 2024-11-07 / \\");

    @Test
    void thePreviousSchoolsGSessionsAndTheNewSchoolsUSessionsTogetherReachTheThreshold() {
        PupilSummary alone = calculator.summarise(newSchool, NEW_SCHOOL, JOINED_4_NOVEMBER, YEAR, d("2024-11-08"));
        PupilSummary spanning = calculator.summarise(newSchool, NEW_SCHOOL, JOINED_4_NOVEMBER, YEAR, d("2024-11-08"),
                previousSchool);

        assertThat(alone.penaltyThreshold().sessions()).isEqualTo(3);
        assertThat(alone.penaltyThreshold().met()).isFalse();
        assertThat(spanning.penaltyThreshold().sessions()).isEqualTo(3 + 5);
        assertThat(spanning.penaltyThreshold().met()).isFalse();

        List<Mark> twoMore = TestMarks.parse("2024-11-04 U /; 2024-11-05 U /; 2024-11-06 U /; 2024-11-07 U U");
        PupilSummary met = calculator.summarise(twoMore, NEW_SCHOOL, JOINED_4_NOVEMBER, YEAR, d("2024-11-08"),
                previousSchool);
        assertThat(met.penaltyThreshold().sessions()).isEqualTo(10);
        assertThat(met.penaltyThreshold().met()).isTrue();
        assertThat(met.penaltyThreshold().windowStart()).isBefore(JOINED_4_NOVEMBER.admissionDate());
    }

    @Test
    void theWeeksOfThePreviousSettingAreSchoolWeeksSoOldMarksFallOutOfTheWindow() {
        // From 17 January 2025, 9 school weeks at the new school reach back to 4 November (Christmas skipped); the
        // tenth is the previous school's week of 28 October (it had marks then); its week of 14 October is out.
        List<Mark> lateAbsence = TestMarks.parse("2025-01-13 U U; 2025-01-14 U U; 2025-01-15 U U; 2025-01-16 U -");
        PupilSummary summary = calculator.summarise(lateAbsence, NEW_SCHOOL, JOINED_4_NOVEMBER, YEAR, d("2025-01-17"),
                previousSchool);

        assertThat(summary.penaltyThreshold().windowStart()).isEqualTo(d("2024-10-28"));
        assertThat(summary.penaltyThreshold().sessions()).isEqualTo(7 + 1);
        assertThat(summary.penaltyThreshold().met()).isFalse();
    }

    @Test
    void marksFromAnotherSettingNeverCountInThisSchoolsFiguresOrStreaks() {
        PupilSummary alone = calculator.summarise(newSchool, NEW_SCHOOL, JOINED_4_NOVEMBER, YEAR, d("2024-11-08"));
        PupilSummary spanning = calculator.summarise(newSchool, NEW_SCHOOL, JOINED_4_NOVEMBER, YEAR, d("2024-11-08"),
                previousSchool);

        assertThat(spanning.figures()).isEqualTo(alone.figures());
        assertThat(spanning.unexplainedAbsence()).isEqualTo(alone.unexplainedAbsence());
        assertThat(spanning.illness()).isEqualTo(alone.illness());
    }
}
