package org.openattendance.attendance.calculator;

import java.time.LocalDate;

/**
 * Qualifying sessions in the rolling window of school weeks ending on {@code windowEnd}: from the
 * Monday of the earliest of the ten school weeks to the end date itself, both inclusive; marks
 * after the end date do not count. {@code met} means 10 or more sessions.
 * {@code schoolWeeks} is the number of school weeks the window holds: fewer than 10 only when
 * the calendar supplied does not reach back far enough (supply the previous academic year too).
 * With no school week at all on or before the end date, the window is the end date alone.
 */
public record PenaltyThresholdStatus(
        int sessions,
        LocalDate windowStart,
        LocalDate windowEnd,
        boolean met,
        int schoolWeeks) {
}
