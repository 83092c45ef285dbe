package org.openattendance.attendance.calculator;

import java.time.LocalDate;
import java.util.Objects;

/** A date range, both ends inclusive (e.g. an academic year, or a year to date). */
public record ReportingPeriod(LocalDate from, LocalDate to) {

    public ReportingPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Period ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
