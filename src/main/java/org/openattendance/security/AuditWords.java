package org.openattendance.security;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The audit trail's actions as an administrator reads them. */
final class AuditWords {

    private AuditWords() {
    }

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final DateTimeFormatter BRITISH = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** Subjects of reads that show many pupils at once (a school's list, a dashboard's pupils behind a number). */
    private static final java.util.Set<String> LISTS = java.util.Set.of("school", "dashboard", "pupil-search");

    static String what(String action, String outcome, String subjectType) {
        boolean refused = "REFUSED".equals(outcome);
        return switch (action) {
            case "READ_PUPIL" -> refused ? "Tried to see a pupil's record"
                    : LISTS.contains(subjectType) ? "Saw a list of pupils" : "Saw a pupil's record";
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

    /** "attendance 2026-09-01 to ..." becomes "Attendance 1 September 2026 to ...". */
    static String sentence(String text) {
        if (text.isEmpty()) {
            return text;
        }
        Matcher date = ISO_DATE.matcher(text);
        var british = new StringBuilder();
        while (date.find()) {
            String replacement;
            try {
                replacement = BRITISH.format(LocalDate.parse(date.group()));
            } catch (DateTimeException e) {
                replacement = date.group();
            }
            date.appendReplacement(british, Matcher.quoteReplacement(replacement));
        }
        date.appendTail(british);
        return Character.toUpperCase(british.charAt(0)) + british.substring(1);
    }
}
