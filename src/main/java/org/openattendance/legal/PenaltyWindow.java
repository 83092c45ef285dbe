package org.openattendance.legal;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.openattendance.school.SchoolDays;

/** The 10 school weeks the penalty threshold counts in, ending with a given day, on the school's calendar. */
final class PenaltyWindow {

    private static final int MOST_WEEKS_BACK = 30;

    private PenaltyWindow() {
    }

    /** The Monday that starts the 10 school weeks ending with {@code to}'s week (holiday weeks skipped). */
    static LocalDate start(SchoolDays schoolDays, String schoolUrn, LocalDate to) {
        LocalDate from = to.with(DayOfWeek.MONDAY);
        for (int back = 1; back <= MOST_WEEKS_BACK
                && schoolDays.schoolWeeksBetween(schoolUrn, from, to) < EvidenceCheck.WINDOW_SCHOOL_WEEKS; back++) {
            from = to.with(DayOfWeek.MONDAY).minusWeeks(back);
        }
        return from;
    }
}
