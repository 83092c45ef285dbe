package org.openattendance.dashboard;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.openattendance.shared.London;
import org.springframework.stereotype.Component;

/** How the dashboards write figures and dates for staff: '94.1%', '1,204', '23 November 2026'; '–' for none. */
@Component("dashboardFormat")
public class DashboardFormat {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final String NONE = "–";

    public String percent(BigDecimal value) {
        return value == null ? NONE : value.toPlainString() + "%";
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(value);
    }

    /** '1 session', '26 sessions'. */
    public String count(long value, String one, String many) {
        return number(value) + " " + (value == 1 ? one : many);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** '23 November 2026 to 29 November 2026' is long: '23 to 29 November 2026', '30 November to 6 December 2026'. */
    public String week(LocalDate monday) {
        if (monday == null) {
            return "";
        }
        LocalDate sunday = monday.plusDays(6);
        if (monday.getMonth() == sunday.getMonth()) {
            return monday.getDayOfMonth() + " to " + DATE.format(sunday);
        }
        if (monday.getYear() == sunday.getYear()) {
            return DateTimeFormatter.ofPattern("d MMMM", Locale.UK).format(monday) + " to " + DATE.format(sunday);
        }
        return DATE.format(monday) + " to " + DATE.format(sunday);
    }

    /** The day in England of an instant: '23 November 2026'. */
    public String day(java.time.Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(London.ZONE));
    }

    /** '3.5 days', '1 day', or '–'. */
    public String days(BigDecimal days) {
        if (days == null) {
            return NONE;
        }
        if (days.compareTo(BigDecimal.ONE) < 0) {
            return "less than a day";
        }
        return days.stripTrailingZeros().toPlainString() + (days.compareTo(BigDecimal.ONE) == 0 ? " day" : " days");
    }

    /** Percentage points with a sign: '+3.2 points', '-1.0 points'. */
    public String points(BigDecimal change) {
        if (change == null) {
            return NONE;
        }
        return (change.signum() > 0 ? "+" : "") + change.toPlainString() + " points";
    }

    /** Whether the instant is before the start of {@code today} in England (a task overdue). */
    public boolean before(java.time.Instant instant, LocalDate today) {
        return instant != null && instant.isBefore(today.atStartOfDay(London.ZONE).toInstant());
    }

    public String action(String timelineName) {
        return StageLabels.action(timelineName);
    }

    public String stage(org.openattendance.casework.Stage stage) {
        return StageLabels.of(stage);
    }

    public String yearGroup(int yearGroup) {
        return CohortFlags.yearGroup(yearGroup);
    }
}
