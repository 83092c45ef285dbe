package org.openattendance.shared.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletRequest;

/**
 * A date as typed into a GOV.UK date input (day, month and year boxes), read with the messages the GOV.UK Design
 * System gives for it: "... must include a month", "... must be a real date", "Year must include 4 numbers". The
 * boxes keep what was typed, so a page shown again with an error shows it again; {@code errorParts} says which boxes
 * to mark in error (none named: all of them).
 */
public record DateEntry(String day, String month, String year, LocalDate date, Set<String> errorParts, String problem) {

    /** Reads the three boxes; blank boxes are allowed here (whether the date is required is the caller's to say). */
    public static DateEntry of(String day, String month, String year) {
        String d = trim(day);
        String m = trim(month);
        String y = trim(year);
        var missing = new ArrayList<String>();
        if (d.isEmpty()) {
            missing.add("day");
        }
        if (m.isEmpty()) {
            missing.add("month");
        }
        if (y.isEmpty()) {
            missing.add("year");
        }
        if (missing.size() == 3) {
            return new DateEntry(d, m, y, null, Set.of(), null);
        }
        if (!missing.isEmpty()) {
            return new DateEntry(d, m, y, null, Set.copyOf(missing), "%s must include a " + join(missing));
        }
        if (!y.matches("\\d{4}")) {
            return new DateEntry(d, m, y, null, Set.of("year"), "Year must include 4 numbers");
        }
        try {
            return new DateEntry(d, m, y, LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)),
                    Set.of(), null);
        } catch (NumberFormatException | DateTimeException e) {
            return new DateEntry(d, m, y, null, Set.of(), "%s must be a real date");
        }
    }

    /**
     * Reads the boxes a page's {@code dateInput} fragment sends for {@code name}: {@code name-day}, {@code name-month}
     * and {@code name-year}.
     */
    public static DateEntry read(ServletRequest request, String name) {
        return of(request.getParameter(name + "-day"), request.getParameter(name + "-month"),
                request.getParameter(name + "-year"));
    }

    /** The boxes filled in from a stored date (or left empty). */
    public static DateEntry of(LocalDate date) {
        return date == null ? of(null, null, null) : new DateEntry(String.valueOf(date.getDayOfMonth()),
                String.valueOf(date.getMonthValue()), String.valueOf(date.getYear()), date, Set.of(), null);
    }

    public boolean isEmpty() {
        return day.isEmpty() && month.isEmpty() && year.isEmpty();
    }

    public boolean isValid() {
        return date != null;
    }

    /** The problem as a sentence about this date ("First day away must include a month"), or null when it has none. */
    public String message(String subject) {
        return problem == null ? null : String.format(problem, subject);
    }

    /**
     * What is wrong with this date as a page asks for it, or null when nothing is: {@code whenEmpty} when no box is
     * filled in (pass null when the date may be left out), otherwise {@link #message(String)} about {@code subject}.
     */
    public String problem(String subject, String whenEmpty) {
        return isEmpty() ? whenEmpty : message(subject);
    }

    /** The date in ISO form (what the forms and the API store), or null when it is not a whole real date. */
    public String iso() {
        return date == null ? null : date.toString();
    }

    private static String join(List<String> parts) {
        return parts.size() == 1 ? parts.get(0) : String.join(" and ", parts);
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
