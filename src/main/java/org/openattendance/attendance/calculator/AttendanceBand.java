package org.openattendance.attendance.calculator;

/** Absence band. A SEVERE pupil is also persistently absent. */
public enum AttendanceBand {
    NONE,
    PERSISTENT,
    SEVERE;

    /** Exact integer comparison: 25 absent of 251 (9.96 %, shown as 10.0) is not persistent absence. */
    public static AttendanceBand of(long absent, long possible) {
        if (possible <= 0) {
            return NONE;
        }
        if (absent * 2 >= possible) {
            return SEVERE;
        }
        return absent * 10 >= possible ? PERSISTENT : NONE;
    }

    public boolean isPersistentAbsence() {
        return this != NONE;
    }

    public boolean isSevereAbsence() {
        return this == SEVERE;
    }
}
