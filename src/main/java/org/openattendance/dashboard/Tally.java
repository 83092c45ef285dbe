package org.openattendance.dashboard;

import org.openattendance.attendance.calculator.AttendanceBand;

/**
 * Figures of a group of pupils over a period: their sessions summed, how many pupils had a possible session, and
 * how many of them were persistently (10 % or more of their own possible sessions) and severely (50 % or more)
 * absent. A severely absent pupil is also persistently absent.
 */
record Tally(int pupils, Sessions sessions, int persistent, int severe) {

    static final Tally NONE = new Tally(0, Sessions.NONE, 0, 0);

    /** One pupil's sessions; a pupil with no possible session is not counted as a pupil. */
    static Tally ofPupil(Sessions sessions) {
        if (sessions.possible() <= 0) {
            return new Tally(0, sessions, 0, 0);
        }
        AttendanceBand band = sessions.band();
        return new Tally(1, sessions, band.isPersistentAbsence() ? 1 : 0, band.isSevereAbsence() ? 1 : 0);
    }

    Tally plus(Tally other) {
        return new Tally(pupils + other.pupils, sessions.plus(other.sessions), persistent + other.persistent,
                severe + other.severe);
    }
}
