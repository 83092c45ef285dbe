package org.openattendance.casework;

/** What a line of a case's timeline records. */
public enum CaseEventKind {
    TASK, DECISION, SIGNAL, LETTER, STAGE
}
