package org.openattendance.inbox;

import java.util.Locale;

import org.openattendance.school.Phase;
import org.openattendance.security.Role;
import org.openattendance.security.RoleNames;

/** Words for enum values as staff read them on the pages. */
final class Labels {

    private Labels() {
    }

    static String role(Role role) {
        return RoleNames.of(role);
    }

    static String phase(Phase phase) {
        if (phase == null) {
            return "";
        }
        return switch (phase) {
            case ALL_THROUGH -> "All-through";
            default -> sentence(phase.name());
        };
    }

    static String stage(org.openattendance.casework.Stage stage) {
        if (stage == null) {
            return "";
        }
        return switch (stage) {
            case CME_REFERRAL -> "Children missing education referral";
            case TAF -> "Team Around the Family";
            default -> sentence(stage.name());
        };
    }

    static String constant(Enum<?> value) {
        return value == null ? "" : sentence(value.name());
    }

    /** ATTENDANCE_OFFICER becomes "Attendance officer". */
    static String sentence(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
