package org.openattendance.legal;

/** Where a request for a penalty notice stands with the LA. */
public enum RequestStatus {
    SUBMITTED, MORE_INFORMATION_REQUESTED, APPROVED, REFUSED
}
