package org.openattendance.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bank holidays in England and Wales: the statutory ones with their substitute days, worked out from the calendar
 * (Easter included), and the one-off changes of recent years. Plain Java, for the working days of the legal rules
 * and for setting term dates.
 */
public final class BankHolidays {

    /** Holidays moved by proclamation: the day that took the holiday's place, and the usual day it was moved from. */
    private static final Map<LocalDate, LocalDate> MOVED = Map.of(
            LocalDate.of(2020, 5, 8), LocalDate.of(2020, 5, 4),
            LocalDate.of(2022, 6, 2), LocalDate.of(2022, 5, 30));
    private static final Set<LocalDate> ADDED = Set.of(LocalDate.of(2022, 6, 3), LocalDate.of(2022, 9, 19),
            LocalDate.of(2023, 5, 8));

    private BankHolidays() {
    }

    public static boolean isBankHoliday(LocalDate day) {
        return of(day.getYear()).contains(day);
    }

    /** The year's bank holidays. */
    public static Set<LocalDate> of(int year) {
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

    /** The day itself on a weekday; the Monday after on a Saturday or Sunday. */
    public static LocalDate weekdayOnOrAfter(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    public static LocalDate easterSunday(int year) {
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
