package org.openattendance.dashboard;

import org.openattendance.school.Cohort;

/**
 * How the school rollups split pupils: all of them, by year group, by cohort (a pupil in two cohorts is in both), and,
 * for the dashboards of one group split again or with two filters at once (the LA's year 9 FSM pupils, the Virtual
 * School by year group or cohort), by year group within a cohort and by cohort within another cohort. The last two
 * hold pupils and sessions only, not sessions by code: a group's sessions by code are summed from its pupils' rows.
 */
enum Dimension {
    ALL, YEAR, COHORT, YEAR_COHORT, COHORT_PAIR;

    /** The member of YEAR_COHORT for a year group within a cohort: "9 FSM". */
    static String yearInCohort(int yearGroup, Cohort cohort) {
        return yearGroup + " " + cohort.name();
    }

    /** The member of COHORT_PAIR for pupils of {@code within} who are also in {@code cohort}: "LOOKED_AFTER FSM". */
    static String cohortInCohort(Cohort within, Cohort cohort) {
        return within.name() + " " + cohort.name();
    }

    /** Whether the rollups hold sessions by code for this dimension. */
    boolean hasCodes() {
        return this == ALL || this == YEAR || this == COHORT;
    }
}
