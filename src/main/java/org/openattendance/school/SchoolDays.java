package org.openattendance.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.PerTransaction;
import org.openattendance.shared.Session;
import org.springframework.stereotype.Component;

/**
 * Counts school days and school weeks on a school's own calendar (terms and closures), so that a task due "in 2 days"
 * is due two school days later, not on a Sunday or in half term, and a period of 6 school weeks skips the holidays.
 * A school week is a week (Monday to Sunday) with at least one school day. Years without a calendar count every
 * weekday. Used by casework, the legal stages and leave requests.
 */
@Component
public class SchoolDays {

    private static final int LOOK_AHEAD = 400;

    private final SchoolCalendars calendars;
    /** The calendars read in this transaction, by school and first academic year (two years each). */
    private final PerTransaction<String, SchoolCalendar> readInThisTransaction = new PerTransaction<>();

    SchoolDays(SchoolCalendars calendars) {
        this.calendars = calendars;
    }

    /** The school's calendar of {@code first} and the year after. */
    private SchoolCalendar twoYears(String schoolUrn, AcademicYear first) {
        return readInThisTransaction.get(schoolUrn + "|" + first, key -> calendars.forYears(schoolUrn,
                List.of(first, new AcademicYear(first.startYear() + 1))));
    }

    /** The {@code days}-th school day after {@code from}; {@code from} itself when days is 0. */
    public LocalDate after(String schoolUrn, LocalDate from, int days) {
        if (days <= 0 || schoolUrn == null) {
            return from.plusDays(Math.max(days, 0));
        }
        return walk(twoYears(schoolUrn, AcademicYear.containing(from)), from, days, 1);
    }

    /**
     * The day something given {@code days} school days from {@code from} falls due: always a school day. With 0 days,
     * {@code from} itself when it is a school day, else the next one (a same-day task made on a Saturday or in half
     * term is due on the first school day after).
     */
    public LocalDate dueAfter(String schoolUrn, LocalDate from, int days) {
        if (days > 0 || schoolUrn == null) {
            return after(schoolUrn, from, days);
        }
        return isSchoolDay(schoolUrn, from) ? from : after(schoolUrn, from, 1);
    }

    /** The {@code days}-th school day before {@code from}; {@code from} itself when days is 0. */
    public LocalDate before(String schoolUrn, LocalDate from, int days) {
        if (days <= 0 || schoolUrn == null) {
            return from.minusDays(Math.max(days, 0));
        }
        AcademicYear year = AcademicYear.containing(from);
        return walk(twoYears(schoolUrn, new AcademicYear(year.startYear() - 1)), from, days, -1);
    }

    /** Steps a day at a time ({@code step} 1 forwards, -1 backwards) until {@code days} school days are counted. */
    private static LocalDate walk(SchoolCalendar calendar, LocalDate from, int days, int step) {
        Set<AcademicYear> known = knownYears(calendar);
        LocalDate day = from;
        for (int counted = 0, looked = 0; counted < days && looked < LOOK_AHEAD; looked++) {
            day = day.plusDays(step);
            if (isSchoolDay(calendar, known, day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The same weekday as {@code from} in the {@code weeks}-th school week after the week of {@code from}: 6 school
     * weeks from Monday 1 February, with half term in the week of 15 February, is Monday 22 March.
     */
    public LocalDate schoolWeeksAfter(String schoolUrn, LocalDate from, int weeks) {
        if (weeks <= 0) {
            return from;
        }
        AcademicYear year = AcademicYear.containing(from);
        SchoolCalendar calendar = twoYears(schoolUrn, year);
        Set<AcademicYear> known = knownYears(calendar);
        LocalDate monday = from.with(DayOfWeek.MONDAY);
        for (int counted = 0, looked = 0; looked < LOOK_AHEAD / 7 + 1; looked++) {
            monday = monday.plusWeeks(1);
            if (isSchoolWeek(calendar, known, monday) && ++counted == weeks) {
                return monday.plusDays(from.getDayOfWeek().getValue() - 1L);
            }
        }
        return from.plusWeeks(weeks);
    }

    /** How many school weeks the days from {@code from} to {@code to} (both included) touch. */
    public int schoolWeeksBetween(String schoolUrn, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        AcademicYear first = AcademicYear.containing(from);
        AcademicYear last = AcademicYear.containing(to);
        var years = new java.util.ArrayList<AcademicYear>();
        for (AcademicYear y = first; y.startYear() <= last.startYear(); y = new AcademicYear(y.startYear() + 1)) {
            years.add(y);
        }
        SchoolCalendar calendar = calendars.forYears(schoolUrn, years);
        Set<AcademicYear> known = knownYears(calendar);
        int weeks = 0;
        for (LocalDate monday = from.with(DayOfWeek.MONDAY); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            LocalDate start = monday.isBefore(from) ? from : monday;
            LocalDate end = monday.plusDays(6).isAfter(to) ? to : monday.plusDays(6);
            for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
                if (isSchoolDay(calendar, known, day)) {
                    weeks++;
                    break;
                }
            }
        }
        return weeks;
    }

    /** Whether the day is a school day on the school's calendar (a weekday, for a year without a calendar). */
    public boolean isSchoolDay(String schoolUrn, LocalDate day) {
        SchoolCalendar calendar = twoYears(schoolUrn, AcademicYear.containing(day));
        return isSchoolDay(calendar, knownYears(calendar), day);
    }

    private static Set<AcademicYear> knownYears(SchoolCalendar calendar) {
        return calendar.terms().stream().map(SchoolCalendar.Term::academicYear).collect(Collectors.toSet());
    }

    private static boolean isSchoolWeek(SchoolCalendar calendar, Set<AcademicYear> known, LocalDate monday) {
        for (int i = 0; i < 7; i++) {
            if (isSchoolDay(calendar, known, monday.plusDays(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSchoolDay(SchoolCalendar calendar, Set<AcademicYear> known, LocalDate day) {
        if (known.contains(AcademicYear.containing(day))) {
            return calendar.isOpen(day, Session.AM) || calendar.isOpen(day, Session.PM);
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
