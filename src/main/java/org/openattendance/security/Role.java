package org.openattendance.security;

public enum Role {
    ADMIN, ATTENDANCE_OFFICER, HEADTEACHER, LA_OFFICER, SOCIAL_WORKER, MANAGER;

    public String authority() {
        return "ROLE_" + name();
    }
}
