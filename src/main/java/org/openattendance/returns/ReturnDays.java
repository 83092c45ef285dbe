package org.openattendance.returns;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.springframework.stereotype.Component;

/** School days on a school's own calendar (weekdays where the school has no calendar for the year). */
@Component
class ReturnDays {

    private final SchoolCalendars calendars;

    ReturnDays(SchoolCalendars calendars) {
        this.calendars = calendars;
    }

    /** The n-th school day after {@code date}. */
    LocalDate after(String urn, LocalDate date, int n) {
        AcademicYear year = AcademicYear.containing(date);
        SchoolCalendar calendar = calendars.forYears(urn, List.of(year, new AcademicYear(year.startYear() + 1)));
        LocalDate day = date;
        int found = 0;
        for (int guard = 0; found < n && guard < 400; guard++) {
            day = day.plusDays(1);
            AcademicYear ofDay = AcademicYear.containing(day);
            boolean known = calendar.terms().stream().anyMatch(t -> t.academicYear().equals(ofDay));
            if (known ? isSchoolDay(calendar, day) : isWeekday(day)) {
                found++;
            }
        }
        return day;
    }

    /** The school days from {@code to} back to {@code from}, latest first. */
    List<LocalDate> backwards(String urn, LocalDate from, LocalDate to) {
        SchoolCalendar calendar = calendars.forYears(urn, List.of(AcademicYear.containing(from).previous(),
                AcademicYear.containing(from), AcademicYear.containing(to)));
        var days = new java.util.ArrayList<LocalDate>();
        for (LocalDate day = to; !day.isBefore(from); day = day.minusDays(1)) {
            if (isSchoolDay(calendar, day)) {
                days.add(day);
            }
        }
        return days;
    }

    static boolean isSchoolDay(SchoolCalendar calendar, LocalDate day) {
        return calendar.isOpen(day, Session.AM) || calendar.isOpen(day, Session.PM);
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
