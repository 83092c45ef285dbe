package org.openattendance.security;

import java.util.Locale;

/** The audit trail's actions as an administrator reads them. */
final class AuditWords {

    private AuditWords() {
    }

    static String what(String action, String outcome) {
        boolean refused = "REFUSED".equals(outcome);
        return switch (action) {
            case "READ_PUPIL" -> refused ? "Tried to see a pupil's record" : "Saw a pupil's record";
            case "CHANGE_REGISTER" -> refused ? "Tried to change a register" : "Changed a register";
            case "CHANGE_PUPILS" -> refused ? "Tried to change a school's records" : "Changed pupils' records";
            case "CHANGE_SCHOOL" -> "Changed a school's details or calendar";
            case "CHANGE_USERS" -> "Changed a user";
            case "READ_SCHOOL" -> refused ? "Tried to open a school outside their scope" : "Saw a list of pupils or tasks";
            case "ADMINISTER" -> refused ? "Tried to use an administrator's page" : "Used an administrator's page";
            case "OPEN_PAGE" -> "Tried to open a page their role does not allow";
            case "READ_ENGINE" -> "Read from the process engine (Camunda)";
            case "CHANGE_ENGINE" -> "Changed something in the process engine (Camunda)";
            case "SIGN_IN_FAILED" -> "Failed to sign in";
            case "SIGN_IN_PAUSED" -> "Sign-ins paused after too many failures";
            case "SIGN_IN_UNLOCKED" -> "Unlocked sign-ins";
            case "SESSION_ENDED" -> "Was signed out by the service";
            default -> sentence(action.replace('_', ' ').toLowerCase(Locale.ROOT));
        };
    }

    /** "pupil page 2025-26" becomes "Pupil page 2025-26". */
    static String sentence(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
