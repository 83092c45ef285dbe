package org.openattendance.school;

/** The cohort flags that casework routes on and dashboards break down by. */
public enum Cohort {
    SEN_SUPPORT, EHCP, MEDICAL, FSM, CHILD_IN_NEED, CHILD_PROTECTION, LOOKED_AFTER, PREVIOUSLY_LOOKED_AFTER
}
