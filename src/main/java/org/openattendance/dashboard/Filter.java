package org.openattendance.dashboard;

import java.util.Locale;

import org.openattendance.school.Cohort;
import org.openattendance.shared.InvalidInputException;

/** Optional narrowing of a dashboard or summary to one year group, one cohort, or both. */
record Filter(Integer yearGroup, Cohort cohort) {

    static final Filter NONE = new Filter(null, null);

    /** From request parameters: a year group from -1 (nursery) to 14, a cohort by name (any case). */
    static Filter parse(String yearGroup, String cohort) {
        Integer year = null;
        if (yearGroup != null && !yearGroup.isBlank()) {
            try {
                year = Integer.valueOf(yearGroup.trim());
            } catch (NumberFormatException e) {
                year = Integer.MIN_VALUE;
            }
            if (year < -1 || year > 14) {
                throw new InvalidInputException("yearGroup must be a whole number from -1 (nursery) and 0 (reception) "
                        + "to 14, not '" + yearGroup + "'");
            }
        }
        Cohort chosen = null;
        if (cohort != null && !cohort.isBlank()) {
            try {
                chosen = Cohort.valueOf(cohort.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("cohort must be one of " + java.util.Arrays.toString(Cohort.values())
                        + ", not '" + cohort + "'");
            }
        }
        return new Filter(year, chosen);
    }

    public boolean isEmpty() {
        return yearGroup == null && cohort == null;
    }

    /** 'Year 7, FSM', or an empty text without a filter. */
    public String label() {
        var parts = new java.util.ArrayList<String>();
        if (yearGroup != null) {
            parts.add(CohortFlags.yearGroup(yearGroup));
        }
        if (cohort != null) {
            parts.add(CohortFlags.label(cohort));
        }
        return String.join(", ", parts);
    }
}
