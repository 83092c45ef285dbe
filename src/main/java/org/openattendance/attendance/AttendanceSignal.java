package org.openattendance.attendance;

import java.time.LocalDate;

/**
 * Published when a recalculated snapshot crosses a threshold; the casework module listens. {@code crossing} names
 * this crossing of the threshold (e.g. "episode 0" for the first fall below 95 % of the year, "run from 2026-11-02,
 * day 3" for a day of unexplained absence): the attendance module publishes each (pupil, year, kind, crossing) once,
 * so a listener may treat it as the signal's identity.
 */
public record AttendanceSignal(SignalKind kind, long pupilId, String upn, String schoolUrn, String academicYear,
                               LocalDate asOf, AttendanceSnapshot snapshot, String crossing) {

    /** A signal without a crossing key (published before crossings were recorded, or built by hand). */
    public AttendanceSignal(SignalKind kind, long pupilId, String upn, String schoolUrn, String academicYear,
                            LocalDate asOf, AttendanceSnapshot snapshot) {
        this(kind, pupilId, upn, schoolUrn, academicYear, asOf, snapshot, null);
    }
}
