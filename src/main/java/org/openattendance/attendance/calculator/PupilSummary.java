package org.openattendance.attendance.calculator;

import java.time.LocalDate;

/** Everything the calculator knows about one pupil as of a date. */
public record PupilSummary(
        LocalDate asOf,
        AttendanceFigures figures,
        PenaltyThresholdStatus penaltyThreshold,
        SchoolDayStreak unexplainedAbsence,
        IllnessSummary illness) {
}
