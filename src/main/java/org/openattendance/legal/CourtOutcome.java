package org.openattendance.legal;

/** How a prosecution ended at court. */
public enum CourtOutcome {
    FINE, CONDITIONAL_DISCHARGE, PARENTING_ORDER, WITHDRAWN, NOT_GUILTY
}
