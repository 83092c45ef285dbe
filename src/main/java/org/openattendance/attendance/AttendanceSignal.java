package org.openattendance.attendance;

import java.time.LocalDate;

/** Published when a recalculated snapshot crosses a threshold; the casework module listens. */
public record AttendanceSignal(SignalKind kind, long pupilId, String upn, String schoolUrn, String academicYear,
                               LocalDate asOf, AttendanceSnapshot snapshot) {
}
