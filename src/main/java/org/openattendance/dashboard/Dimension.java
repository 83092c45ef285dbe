package org.openattendance.dashboard;

/** How the school rollups split pupils: all of them, by year group, by cohort (a pupil in two cohorts is in both). */
enum Dimension {
    ALL, YEAR, COHORT
}
