package org.openattendance.attendance.calculator;

import java.time.LocalDate;

/** A run of continuous school days; the dates are null when the streak is empty. */
public record SchoolDayStreak(int schoolDays, LocalDate firstDay, LocalDate lastDay) {

    public static final SchoolDayStreak NONE = new SchoolDayStreak(0, null, null);

    public SchoolDayStreak {
        if (schoolDays < 0 || (schoolDays == 0) != (firstDay == null) || (firstDay == null) != (lastDay == null)) {
            throw new IllegalArgumentException("Inconsistent streak: " + schoolDays + " days, " + firstDay + " to " + lastDay);
        }
    }
}
