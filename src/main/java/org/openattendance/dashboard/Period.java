package org.openattendance.dashboard;

import java.time.LocalDate;

import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.InvalidInputException;

/** A period within one academic year, both ends inclusive. */
record Period(LocalDate from, LocalDate to) {

    Period {
        if (to.isBefore(from)) {
            throw new InvalidInputException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        if (!AcademicYear.containing(from).equals(AcademicYear.containing(to))) {
            throw new InvalidInputException("'from' (" + from + ") and 'to' (" + to + ") must be in the same academic "
                    + "year (1 September to 31 August)");
        }
    }

    /** The academic year to date (the default): 1 September to today. */
    static Period yearToDate(LocalDate today) {
        return new Period(AcademicYear.containing(today).firstDay(), today);
    }

    /** From request parameters; a missing end defaults to today, a missing start to the start of that year. */
    static Period of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate end = to == null ? (from != null && AcademicYear.containing(from).lastDay().isBefore(today)
                ? AcademicYear.containing(from).lastDay() : today) : to;
        LocalDate start = from == null ? AcademicYear.containing(end).firstDay() : from;
        return new Period(start, end);
    }

    public AcademicYear year() {
        return AcademicYear.containing(from);
    }

    /** The Monday-to-Sunday week of {@code monday}, within its academic year. */
    static Period week(LocalDate monday) {
        AcademicYear year = AcademicYear.containing(monday.plusDays(6));
        LocalDate from = monday.isBefore(year.firstDay()) ? year.firstDay() : monday;
        return new Period(from, monday.plusDays(6));
    }
}
