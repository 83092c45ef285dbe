package org.openattendance.leave;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openattendance.shared.InvalidInputException.Problem;
import org.openattendance.shared.Session;

/** What someone asks for, before it is checked: as the API and the parent's page receive it. */
public record NewLeaveRequest(String fromDate, String fromSession, String toDate, String toSession, String reason,
                       String details, List<String> parentsTravelling) {

    static final int LONGEST_DAYS = 70;

    /** The request checked on its own (without the pupil or the calendar). */
    record Checked(LocalDate from, Session fromSession, LocalDate to, Session toSession, LeaveReason reason,
                   String details, String parentsTravelling) {
    }

    Checked check(LocalDate today, List<Problem> problems) {
        LocalDate from = date("from.date", fromDate, problems);
        LocalDate to = date("to.date", toDate, problems);
        Session fromS = session("from.session", fromSession, Session.AM, problems);
        Session toS = session("to.session", toSession, Session.PM, problems);
        if (from != null && from.isBefore(today)) {
            problems.add(new Problem("from.date", "is in the past: leave must be asked for in advance (absence already "
                    + "taken is recorded in the register)"));
        }
        if (from != null && to != null && fromS != null && toS != null
                && (to.isBefore(from) || to.equals(from) && toS.compareTo(fromS) < 0)) {
            problems.add(new Problem("to", "the end is before the start"));
        } else if (from != null && to != null && to.isAfter(from.plusDays(LONGEST_DAYS))) {
            problems.add(new Problem("to", "a request can cover at most " + LONGEST_DAYS + " days; please talk to the school"));
        }
        LeaveReason why = LeaveReason.parse(reason).orElse(null);
        if (why == null) {
            problems.add(new Problem("reason", "must be one of " + Arrays.stream(LeaveReason.values()).map(Enum::name).toList()));
        }
        String text = details == null ? "" : details.strip();
        if (text.length() > 4000) {
            problems.add(new Problem("details", "must be at most 4000 characters"));
        }
        if (why == LeaveReason.OTHER && text.isEmpty()) {
            problems.add(new Problem("details", "say what the reason is"));
        }
        List<String> travelling = new ArrayList<>();
        for (String name : parentsTravelling == null ? List.<String>of() : parentsTravelling) {
            if (name != null && !name.isBlank()) {
                travelling.add(name.strip());
            }
        }
        if (travelling.size() > 10 || travelling.stream().anyMatch(n -> n.length() > 200)) {
            problems.add(new Problem("parentsTravelling", "at most 10 names of at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Checked(from, fromS, to, toS, why, text.isEmpty() ? null : text,
                travelling.isEmpty() ? null : String.join(", ", travelling));
    }

    private static LocalDate date(String where, String text, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new Problem(where, "is required"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new Problem(where, "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static Session session(String where, String text, Session missing, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return missing;
        }
        try {
            return Session.valueOf(text.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(where, "must be AM or PM"));
            return null;
        }
    }
}
