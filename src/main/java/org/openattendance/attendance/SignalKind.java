package org.openattendance.attendance;

/** What changed for a pupil, as the casework module needs to hear it. */
public enum SignalKind {
    /** A new day of unexplained absence (N) was recorded: a morning counts once its register has closed. */
    UNEXPLAINED_ABSENCE,
    /** N marks outside the current run (loaded late for an earlier day, or left when the run ended) need a reason. */
    UNRESOLVED_ABSENCE,
    /** Attendance fell below the letter threshold (95 % by default). */
    BELOW_ATTENDANCE_THRESHOLD,
    /** Absence reached 10 %. */
    PERSISTENT_ABSENCE,
    /** Absence reached 50 %. */
    SEVERE_ABSENCE,
    /** 10 qualifying sessions within 10 school weeks. */
    PENALTY_THRESHOLD_MET,
    /** Continuous unexplained absence reached the CME referral day count (10 school days by default). */
    CONTINUOUS_ABSENCE,
    /** Illness this year reached the sickness-return day count (15 school days by default). */
    ILLNESS_DAYS_REACHED,
    /** The pupil was persistently absent or below the letter threshold and no longer is. */
    ATTENDANCE_RECOVERED
}
