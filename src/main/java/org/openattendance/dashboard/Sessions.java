package org.openattendance.dashboard;

import org.openattendance.attendance.calculator.AttendanceBand;

/**
 * Session counts over some period: possible, attended, authorised and unauthorised absence (as the attendance
 * calculator counts them from the code table), and sessions late after the register closed (code U).
 */
record Sessions(int possible, int attended, int authorised, int unauthorised, int late) {

    static final Sessions NONE = new Sessions(0, 0, 0, 0, 0);

    public int absent() {
        return authorised + unauthorised;
    }

    Sessions plus(Sessions other) {
        return new Sessions(possible + other.possible, attended + other.attended, authorised + other.authorised,
                unauthorised + other.unauthorised, late + other.late);
    }

    Sessions minus(Sessions other) {
        return new Sessions(possible - other.possible, attended - other.attended, authorised - other.authorised,
                unauthorised - other.unauthorised, late - other.late);
    }

    /** The band of a pupil with these sessions: exact integer comparisons, as the calculator makes them. */
    AttendanceBand band() {
        return AttendanceBand.of(absent(), possible);
    }
}
