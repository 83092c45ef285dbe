package org.openattendance.legal;

/**
 * PREPARING: the LA considers an education supervision order and prepares the file. AT_COURT: the information is
 * laid. CONCLUDED: the court's outcome is recorded. STOPPED: ended before court (paid, an order applied for instead).
 */
public enum ProsecutionStatus {
    PREPARING, AT_COURT, CONCLUDED, STOPPED
}
