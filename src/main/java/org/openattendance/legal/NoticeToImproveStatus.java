package org.openattendance.legal;

/** OPEN: the improvement period runs. IMPROVED or NOT_IMPROVED: the period's register compared with the policy. */
public enum NoticeToImproveStatus {
    OPEN, IMPROVED, NOT_IMPROVED
}
