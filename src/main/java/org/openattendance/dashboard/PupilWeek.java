package org.openattendance.dashboard;

import java.time.LocalDate;

/**
 * One pupil's figures for one week of an academic year: the week's own sessions and codes, and the year to date to
 * the end of the week. The pupil's year group and cohorts are those on record when the row was worked out.
 */
record PupilWeek(long pupilId, String academicYear, LocalDate weekStart, String schoolUrn, int yearGroup, int cohorts,
                 Sessions week, String codes, Sessions yearToDate, String yearToDateCodes) {

    /** The year to date by code, from {@link #yearToDateCodes}. */
    java.util.Map<String, Integer> yearToDateByCode() {
        return WeekCodes.parseCounts(yearToDateCodes);
    }
}
