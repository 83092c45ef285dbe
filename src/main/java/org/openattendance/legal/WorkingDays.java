package org.openattendance.legal;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.openattendance.shared.BankHolidays;

/**
 * Working days for the service of notices: Monday to Friday, except bank holidays in England and Wales
 * ({@link BankHolidays}). Plain Java.
 */
final class WorkingDays {

    private WorkingDays() {
    }

    /** The {@code days}-th working day after {@code from}; {@code from} itself when days is 0. */
    static LocalDate after(LocalDate from, int days) {
        LocalDate day = from;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !BankHolidays.isBankHoliday(day);
    }
}
