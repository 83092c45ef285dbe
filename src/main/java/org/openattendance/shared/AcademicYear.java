package org.openattendance.shared;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** An English school year, 1 September to 31 August, written as in "2026-27". */
public record AcademicYear(int startYear) implements Comparable<AcademicYear> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{2})");

    public static AcademicYear parse(String text) {
        var match = text == null ? null : FORMAT.matcher(text.trim());
        if (match == null || !match.matches()) {
            throw new IllegalArgumentException("academic year '" + text + "' must look like 2026-27");
        }
        int start = Integer.parseInt(match.group(1));
        int end = Integer.parseInt(match.group(2));
        if ((start + 1) % 100 != end) {
            throw new IllegalArgumentException("academic year '" + text + "' must span two consecutive years, e.g. "
                    + start + "-" + String.format("%02d", (start + 1) % 100));
        }
        return new AcademicYear(start);
    }

    public static AcademicYear containing(LocalDate date) {
        return new AcademicYear(date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 9, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 8, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public AcademicYear previous() {
        return new AcademicYear(startYear - 1);
    }

    @Override
    public int compareTo(AcademicYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }
}
