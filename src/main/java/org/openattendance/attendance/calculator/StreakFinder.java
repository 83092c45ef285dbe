package org.openattendance.attendance.calculator;

import java.time.LocalDate;

/**
 * The current run of continuous school days on which every open session carries a streak code
 * (e.g. N for unexplained absence, I for illness). Walks school days backwards from the latest
 * school day on or before the as-of date that has a mark on an open session.
 *
 * <p>Per session: a streak code extends the run; a code that does not count as possible (Y1-Y7,
 * D, X, ...) is neutral; any other code breaks it. A school day counts when it has a streak code and
 * nothing else but neutral codes; a day of neutral codes only is skipped. A day with an open session
 * left unmarked breaks the run, except on the latest marked day (the afternoon register may not be
 * taken yet), which is then skipped -- unless its morning carries a streak code and that morning's register has
 * closed: a morning of unexplained absence is the first day of absence the school must chase that same morning, so
 * it counts as a day of the run before the afternoon is registered. Closed sessions, weekends and holidays are not
 * school days.
 */
final class StreakFinder {

    private static final int UNMARKED = 0;
    private static final int STREAK = 1;
    private static final int NEUTRAL = 2;
    private static final int BREAK = 3;

    private static final int DAY_COUNTS = 0;
    private static final int DAY_SKIPPED = 1;
    private static final int DAY_INCOMPLETE = 2;
    private static final int DAY_BREAKS = 3;

    private StreakFinder() {
    }

    static SchoolDayStreak current(IndexedMarks marks, CodeTable codes, SessionCalendar calendar, LocalDate asOf,
            boolean[] streakCodes) {
        return current(marks, codes, calendar, asOf, streakCodes, null);
    }

    /**
     * @param morningsClosedThrough the last day whose morning register has closed (a morning-only run day on the
     *                              latest marked day counts up to it); null: no morning counts on its own
     */
    static SchoolDayStreak current(IndexedMarks marks, CodeTable codes, SessionCalendar calendar, LocalDate asOf,
            boolean[] streakCodes, LocalDate morningsClosedThrough) {
        long closedThrough = morningsClosedThrough == null ? Long.MIN_VALUE : morningsClosedThrough.toEpochDay();
        int i = latestMarkOnOpenSession(marks, calendar, marks.firstIndexAfter(asOf.toEpochDay()) - 1);
        if (i < 0) {
            return SchoolDayStreak.NONE;
        }
        long latest = marks.day(i);
        int count = 0;
        long first = 0;
        long last = 0;
        for (long day = latest; day != SessionCalendar.NO_DAY; day = calendar.previousSchoolDay(day)) {
            while (i >= 0 && marks.day(i) > day) {
                i--; // a mark on a day the calendar has closed
            }
            int am = UNMARKED;
            int pm = UNMARKED;
            for (; i >= 0 && marks.day(i) == day; i--) {
                int status = sessionStatus(marks.codeId(i), codes, streakCodes);
                if (marks.sessionOrdinal(i) == 0) {
                    am = status;
                } else {
                    pm = status;
                }
            }
            int verdict = verdict(calendar.openMask(day), am, pm);
            if (verdict == DAY_INCOMPLETE && day == latest && day <= closedThrough
                    && morningOnly(calendar.openMask(day), am, pm)) {
                verdict = DAY_COUNTS;
            }
            if (verdict == DAY_BREAKS || (verdict == DAY_INCOMPLETE && day != latest)) {
                break;
            }
            if (verdict == DAY_COUNTS) {
                last = count == 0 ? day : last;
                first = day;
                count++;
            }
        }
        return count == 0 ? SchoolDayStreak.NONE
                : new SchoolDayStreak(count, LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last));
    }

    /** The morning carries the streak code and the afternoon (open) is not registered yet. */
    private static boolean morningOnly(int openMask, int am, int pm) {
        return (openMask & SessionCalendar.bit(0)) != 0 && am == STREAK
                && (openMask & SessionCalendar.bit(1)) != 0 && pm == UNMARKED;
    }

    private static int latestMarkOnOpenSession(IndexedMarks marks, SessionCalendar calendar, int from) {
        int i = from;
        while (i >= 0 && (calendar.openMask(marks.day(i)) & SessionCalendar.bit(marks.sessionOrdinal(i))) == 0) {
            i--;
        }
        return i;
    }

    private static int sessionStatus(int codeId, CodeTable codes, boolean[] streakCodes) {
        if (streakCodes[codeId]) {
            return STREAK;
        }
        return codes.countsAsPossible(codeId) ? BREAK : NEUTRAL;
    }

    private static int verdict(int openMask, int am, int pm) {
        boolean anyStreak = false;
        boolean anyUnmarked = false;
        for (int session = 0; session < 2; session++) {
            if ((openMask & SessionCalendar.bit(session)) == 0) {
                continue;
            }
            switch (session == 0 ? am : pm) {
                case BREAK -> {
                    return DAY_BREAKS;
                }
                case UNMARKED -> anyUnmarked = true;
                case STREAK -> anyStreak = true;
                default -> { }
            }
        }
        if (anyUnmarked) {
            return DAY_INCOMPLETE;
        }
        return anyStreak ? DAY_COUNTS : DAY_SKIPPED;
    }
}
