package org.openattendance.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as people in England read them in pages, letters and e-mails: "7 January 2027", never 2027-01-07 or 1/7/27.
 * (Spring's default formatting of a date in a template is the US short style, "1/7/27".)
 */
public final class BritishDates {

    /** "7 January 2027". */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** "Thursday 7 January 2027". */
    public static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    /** "7 January 2027, 14:05". */
    public static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private BritishDates() {
    }

    /** "7 January 2027", or an empty text for no date. */
    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** "7 to 8 January 2027", "31 December 2026 to 4 January 2027", or one day when both are the same. */
    public static String range(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return from == null ? day(to) : day(from);
        }
        if (from.equals(to)) {
            return day(from);
        }
        if (from.getYear() == to.getYear() && from.getMonth() == to.getMonth()) {
            return from.getDayOfMonth() + " to " + day(to);
        }
        if (from.getYear() == to.getYear()) {
            return DateTimeFormatter.ofPattern("d MMMM", Locale.UK).format(from) + " to " + day(to);
        }
        return day(from) + " to " + day(to);
    }
}
