package org.openattendance.staffweb.shell;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.openattendance.school.Cohort;
import org.openattendance.school.Phase;
import org.openattendance.security.Role;
import org.openattendance.security.RoleNames;

/** Words for enum values, and dates, as staff read them on the pages. */
public final class Labels {

    /** A day as tables and lists show it: "7 Jan 2027". */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** A moment as timelines show it: "7 Jan 2027, 14:05". */
    public static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private Labels() {
    }

    public static String role(Role role) {
        return RoleNames.of(role);
    }

    public static String phase(Phase phase) {
        if (phase == null) {
            return "";
        }
        return switch (phase) {
            case ALL_THROUGH -> "All-through";
            default -> sentence(phase.name());
        };
    }

    public static String stage(org.openattendance.casework.Stage stage) {
        return stage == null ? "" : stage.label();
    }

    /** A cohort flag as schools write it: "FSM", "SEN support", "EHC plan". */
    public static String cohort(Cohort cohort) {
        if (cohort == null) {
            return "";
        }
        return switch (cohort) {
            case SEN_SUPPORT -> "SEN support";
            case EHCP -> "EHC plan";
            case MEDICAL -> "Medical needs";
            case FSM -> "FSM";
            case CHILD_IN_NEED -> "Child in need";
            case CHILD_PROTECTION -> "Child protection plan";
            case LOOKED_AFTER -> "Looked after";
            case PREVIOUSLY_LOOKED_AFTER -> "Previously looked after";
        };
    }

    /** A national curriculum year as schools name it: "Reception" for year 0, "Nursery" before it, else "Year 4". */
    public static String yearGroup(int yearGroup) {
        if (yearGroup < 0) {
            return "Nursery";
        }
        return yearGroup == 0 ? "Reception" : "Year " + yearGroup;
    }

    public static String constant(Enum<?> value) {
        return value == null ? "" : sentence(value.name());
    }

    /** ATTENDANCE_OFFICER becomes "Attendance officer". */
    public static String sentence(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
