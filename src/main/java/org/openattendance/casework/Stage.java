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

    /** The stage's name as staff read it: "Notice to improve", "Team Around the Family". */
    public String label() {
        return switch (this) {
            case CME_REFERRAL -> "Children missing education referral";
            case TAF -> "Team Around the Family";
            default -> {
                String words = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
                yield Character.toUpperCase(words.charAt(0)) + words.substring(1);
            }
        };
    }
}
