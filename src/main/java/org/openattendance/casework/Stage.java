package org.openattendance.casework;

/**
 * Where a case stands on the ladder; the names LA officers use. The legal stages in order: a Notice to Improve, the
 * school's request for a penalty notice, the notices themselves, the LA's decision on the route after a third
 * occasion or an unpaid notice (prosecution, an education supervision order or an attendance contract), an
 * education supervision order, prosecution.
 */
public enum Stage {
    FIRST_DAY_CONTACT, HOME_VISIT, CME_REFERRAL, LETTER, MEETING, SUPPORT_PLAN, TAF, ATTENDANCE_CONTRACT,
    NOTICE_TO_IMPROVE, PENALTY_NOTICE_REQUEST, PENALTY_NOTICE, LEGAL_ROUTE_DECISION, EDUCATION_SUPERVISION_ORDER,
    PROSECUTION, MONITORING, CLOSED;

    /**
     * The stage's name as staff read it, the one list of stage names: the case ladder, the timeline, the inbox, the
     * task page and the dashboards all use it. "Notice to Improve" and "Team Around the Family" are capitalised as the
     * DfE's guidance writes them. No default: a new stage does not compile until it has a name.
     */
    public String label() {
        return switch (this) {
            case FIRST_DAY_CONTACT -> "First-day contact";
            case HOME_VISIT -> "Home visit";
            case CME_REFERRAL -> "Children missing education referral";
            case LETTER -> "Letter";
            case MEETING -> "Meeting";
            case SUPPORT_PLAN -> "Support plan";
            case TAF -> "Team Around the Family";
            case ATTENDANCE_CONTRACT -> "Attendance contract";
            case NOTICE_TO_IMPROVE -> "Notice to Improve";
            case PENALTY_NOTICE_REQUEST -> "Penalty notice request";
            case PENALTY_NOTICE -> "Penalty notice";
            case LEGAL_ROUTE_DECISION -> "Legal route decision";
            case EDUCATION_SUPERVISION_ORDER -> "Education supervision order";
            case PROSECUTION -> "Prosecution";
            case MONITORING -> "Monitoring";
            case CLOSED -> "Closed";
        };
    }

    /** The name inside a sentence ("moved from the letter to a meeting"): lower case unless it is a proper name. */
    public String labelInSentence() {
        return switch (this) {
            case TAF, NOTICE_TO_IMPROVE -> label();
            default -> Character.toLowerCase(label().charAt(0)) + label().substring(1);
        };
    }
}
