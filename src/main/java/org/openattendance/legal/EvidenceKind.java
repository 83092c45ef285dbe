package org.openattendance.legal;

/** What a line of a request's evidence is. */
public enum EvidenceKind {
    LETTER, MEETING, SUPPORT, NOTICE_TO_IMPROVE, OTHER
}
