package org.openattendance.legal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Working days for the service of notices: Monday to Friday, except bank holidays in England and Wales (the
 * statutory ones with their substitute days, worked out from the calendar, and the one-off changes of recent years).
 * Plain Java.
 */
final class WorkingDays {

    /** Holidays moved or added by proclamation: the day dropped (or null) and the day that took its place. */
    private static final Map<LocalDate, LocalDate> MOVED = Map.of(
            LocalDate.of(2020, 5, 8), LocalDate.of(2020, 5, 4),
            LocalDate.of(2022, 6, 2), LocalDate.of(2022, 5, 30));
    private static final Set<LocalDate> ADDED = Set.of(LocalDate.of(2022, 6, 3), LocalDate.of(2022, 9, 19),
            LocalDate.of(2023, 5, 8));

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
                && !bankHolidays(day.getYear()).contains(day);
    }

    static Set<LocalDate> bankHolidays(int year) {
        var days = new HashSet<LocalDate>();
        days.add(weekdayOnOrAfter(LocalDate.of(year, 1, 1)));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        LocalDate christmas = LocalDate.of(year, 12, 25);
        LocalDate christmasHoliday = weekdayOnOrAfter(christmas);
        days.add(christmasHoliday);
        LocalDate boxing = weekdayOnOrAfter(LocalDate.of(year, 12, 26));
        days.add(boxing.equals(christmasHoliday) ? boxing.plusDays(1) : boxing);
        MOVED.forEach((instead, dropped) -> {
            if (instead.getYear() == year) {
                days.remove(dropped);
                days.add(instead);
            }
        });
        ADDED.stream().filter(d -> d.getYear() == year).forEach(days::add);
        return days;
    }

    private static LocalDate weekdayOnOrAfter(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
