package org.openattendance.security;

public enum Role {
    ADMIN, ATTENDANCE_OFFICER, HEADTEACHER, LA_OFFICER, SOCIAL_WORKER, MANAGER,
    /** The head of an LA's Virtual School: scope is the LA, and within it the looked-after pupils only. */
    VIRTUAL_SCHOOL_HEAD;

    public String authority() {
        return "ROLE_" + name();
    }
}
