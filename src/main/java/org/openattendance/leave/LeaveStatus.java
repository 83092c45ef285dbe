package org.openattendance.leave;

/** Where a leave request stands. UNCONFIRMED requests (the parent has not used the e-mailed link) do not count. */
public enum LeaveStatus {
    UNCONFIRMED, SUBMITTED, CHECKED, GRANTED, PARTLY_GRANTED, REFUSED, WITHDRAWN, TAKEN_UNAUTHORISED;

    boolean awaitsDecision() {
        return this == SUBMITTED || this == CHECKED;
    }
}
