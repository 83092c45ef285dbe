package org.openattendance.legal;

/**
 * Where a penalty notice stands. ISSUED: within its payment period and not paid in full. PAID: paid in full (the
 * amount due on the day it was paid). UNPAID: the payment period ended without full payment, the LA has not yet
 * decided. WITHDRAWN: withdrawn by an LA officer on one of the listed grounds. PROSECUTED: the LA decided to
 * prosecute for the absence.
 */
public enum PenaltyNoticeStatus {
    ISSUED, PAID, UNPAID, WITHDRAWN, PROSECUTED;

    /** Whether the notice counts toward the three-in-three-years limit: withdrawn notices do not. */
    public boolean counts() {
        return this != WITHDRAWN;
    }
}
