package org.openattendance.attendance.calculator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openattendance.shared.Session;

/**
 * Compact mark notation for test tables.
 *
 * <p>{@link #parse}: entries separated by ';', each "DATE AM PM" or "FROM..TO AM PM", with '-' for
 * no mark. A single date is marked as written; a range marks every open session of the calendar
 * (or every weekday when there is no calendar).
 *
 * <p>{@link #sequence}: "CODE:COUNT ..." fills consecutive weekday sessions from Mon 6 Jan 2020.
 */
final class TestMarks {

    static final LocalDate SEQUENCE_START = LocalDate.of(2020, 1, 6);

    private TestMarks() {
    }

    static List<Mark> parse(String spec) {
        return parse(spec, null);
    }

    static List<Mark> parse(String spec, SessionCalendar calendar) {
        List<Mark> marks = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return marks;
        }
        for (String entry : spec.split(";")) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException("Expected 'DATE AM PM': " + entry);
            }
            String[] codes = {parts[1], parts[2]};
            if (parts[0].contains("..")) {
                String[] ends = parts[0].split("\\.\\.");
                addRange(marks, LocalDate.parse(ends[0]), LocalDate.parse(ends[1]), codes, calendar);
            } else {
                addDay(marks, LocalDate.parse(parts[0]), codes, null);
            }
        }
        return marks;
    }

    static List<Mark> sequence(String spec) {
        List<Mark> marks = new ArrayList<>();
        LocalDate day = SEQUENCE_START;
        Session session = Session.AM;
        for (String entry : spec.trim().split("\\s+")) {
            int colon = entry.lastIndexOf(':');
            String code = entry.substring(0, colon);
            for (int n = Integer.parseInt(entry.substring(colon + 1)); n > 0; n--) {
                marks.add(new Mark(day, session, code));
                if (session == Session.PM) {
                    day = nextWeekday(day);
                }
                session = session == Session.AM ? Session.PM : Session.AM;
            }
        }
        return marks;
    }

    private static void addRange(List<Mark> marks, LocalDate from, LocalDate to, String[] codes, SessionCalendar calendar) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (calendar != null || isWeekday(day)) {
                addDay(marks, day, codes, calendar);
            }
        }
    }

    private static void addDay(List<Mark> marks, LocalDate day, String[] codes, SessionCalendar calendar) {
        for (Session session : Session.values()) {
            String code = codes[session.ordinal()];
            if (!code.equals("-") && (calendar == null || calendar.isOpen(day, session))) {
                marks.add(new Mark(day, session, code));
            }
        }
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static LocalDate nextWeekday(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWeekday(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
