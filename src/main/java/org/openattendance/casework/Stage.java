package org.openattendance.casework;

/** Where a case stands on the ladder; the names LA officers use. */
public enum Stage {
    FIRST_DAY_CONTACT, HOME_VISIT, CME_REFERRAL, LETTER, MEETING, SUPPORT_PLAN, TAF, ATTENDANCE_CONTRACT,
    NOTICE_TO_IMPROVE, PENALTY_NOTICE, PROSECUTION, MONITORING, CLOSED
}
