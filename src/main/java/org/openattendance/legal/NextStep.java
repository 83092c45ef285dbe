package org.openattendance.legal;

/** After a Notice to Improve period without sufficient improvement, what the school decided. */
public enum NextStep {
    REQUEST_PENALTY_NOTICE, NO_REQUEST
}
