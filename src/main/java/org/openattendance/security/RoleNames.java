package org.openattendance.security;

import java.util.Locale;

/** A role as staff read it on the pages: ATTENDANCE_OFFICER is "Attendance officer". */
public final class RoleNames {

    private RoleNames() {
    }

    public static String of(Role role) {
        return switch (role.name()) {
            case "ADMIN" -> "Administrator";
            case "LA_OFFICER" -> "LA attendance officer";
            case "MANAGER" -> "Manager";
            default -> sentence(role.name());
        };
    }

    private static String sentence(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
