package org.openattendance.demo;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static java.time.temporal.TemporalAdjusters.dayOfWeekInMonth;
import static java.time.temporal.TemporalAdjusters.firstInMonth;
import static java.time.temporal.TemporalAdjusters.lastInMonth;
import static java.time.temporal.TemporalAdjusters.nextOrSame;
import static java.time.temporal.TemporalAdjusters.previousOrSame;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.openattendance.school.SchoolAdministration.CalendarData;
import org.openattendance.school.SchoolAdministration.ClosureData;
import org.openattendance.school.SchoolAdministration.TermData;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.BankHolidays;
import org.openattendance.shared.Session;

/**
 * English term dates for any academic year, set the way many LAs set them, about 190 school days in six half terms:
 * <ul>
 * <li>autumn: the first Wednesday in September to 20 December (the Friday before, at a weekend); half term the
 * last full week of October;</li>
 * <li>spring: the first weekday from 4 January to the Friday before Holy Week; half term the week of the third
 * Monday in February;</li>
 * <li>summer: the Monday after Easter week to 22 July (the Friday before, at a weekend); half term the week of the
 * spring bank holiday, the last Monday in May;</li>
 * <li>closures: five INSET days, the early May bank holiday and, at a school used as a polling station, the
 * afternoon of the local elections (the first Thursday in May).</li>
 * </ul>
 */
final class DemoCalendar {

    private DemoCalendar() {
    }

    static CalendarData forYear(AcademicYear year, boolean pollingStation) {
        int autumn = year.startYear();
        int spring = autumn + 1;
        LocalDate octoberHalfTerm = LocalDate.of(autumn, 10, 1).with(lastInMonth(FRIDAY)).minusDays(4);
        LocalDate springStart = BankHolidays.weekdayOnOrAfter(LocalDate.of(spring, 1, 4));
        LocalDate februaryHalfTerm = LocalDate.of(spring, 2, 1).with(dayOfWeekInMonth(3, MONDAY));
        LocalDate easter = BankHolidays.easterSunday(spring);
        LocalDate springEnd = easter.minusDays(9);    // the Friday before Holy Week
        LocalDate summerStart = easter.plusDays(8);   // the Monday after Easter week
        LocalDate mayHalfTerm = LocalDate.of(spring, 5, 1).with(lastInMonth(MONDAY)); // spring bank holiday week

        var terms = List.of(
                new TermData(firstDay(year), octoberHalfTerm.minusDays(3)),
                new TermData(octoberHalfTerm.plusWeeks(1), lastDayAbout(LocalDate.of(autumn, 12, 20))),
                new TermData(springStart, februaryHalfTerm.minusDays(3)),
                new TermData(februaryHalfTerm.plusWeeks(1), springEnd),
                new TermData(summerStart, mayHalfTerm.minusDays(3)),
                new TermData(mayHalfTerm.plusWeeks(1), lastDayAbout(LocalDate.of(spring, 7, 22))));
        return new CalendarData(terms, closures(terms, spring, pollingStation));
    }

    /** The first day of the autumn term, when pupils start: the first Wednesday in September. */
    static LocalDate firstDay(AcademicYear year) {
        return LocalDate.of(year.startYear(), 9, 1).with(nextOrSame(WEDNESDAY));
    }

    private static List<ClosureData> closures(List<TermData> terms, int spring, boolean pollingStation) {
        LocalDate bankHoliday = LocalDate.of(spring, 5, 1).with(firstInMonth(MONDAY));
        var closures = new ArrayList<ClosureData>();
        inset(closures, terms.get(1).start(), bankHoliday);                   // back after October half term
        inset(closures, terms.get(2).start(), bankHoliday);                   // first day of the spring term
        inset(closures, terms.get(2).end(), bankHoliday);                     // Friday before February half term
        inset(closures, terms.get(4).start(), bankHoliday);                   // first day of the summer term
        inset(closures, terms.get(5).start(), bankHoliday);                   // back after May half term
        if (isInTerm(terms, bankHoliday)) {
            closures.add(new ClosureData(bankHoliday, null, "Early May bank holiday"));
        }
        LocalDate pollingDay = LocalDate.of(spring, 5, 1).with(firstInMonth(THURSDAY));
        if (pollingStation && isInTerm(terms, pollingDay)) {
            closures.add(new ClosureData(pollingDay, Session.PM, "Polling station for the local elections"));
        }
        return closures;
    }

    /** An INSET day, moved to the next day when it would fall on the bank holiday. */
    private static void inset(List<ClosureData> closures, LocalDate day, LocalDate bankHoliday) {
        LocalDate date = day.equals(bankHoliday) ? day.plusDays(1) : day;
        closures.add(new ClosureData(date, null, "INSET day (staff training)"));
    }

    private static boolean isInTerm(List<TermData> terms, LocalDate date) {
        return terms.stream().anyMatch(t -> !date.isBefore(t.start()) && !date.isAfter(t.end()));
    }

    /** The last day of a term: the given day, or the Friday before it when it falls on a weekend. */
    private static LocalDate lastDayAbout(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> day.with(previousOrSame(FRIDAY));
            default -> day;
        };
    }
}
