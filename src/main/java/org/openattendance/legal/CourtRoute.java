package org.openattendance.legal;

/** How the case goes to the magistrates: the Single Justice Procedure, or a hearing in open court. */
public enum CourtRoute {
    SJP, HEARING
}
