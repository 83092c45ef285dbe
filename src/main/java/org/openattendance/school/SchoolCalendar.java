package org.openattendance.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;

/**
 * When a school is open: its terms (weekdays between start and end inclusive) less its closures, each of
 * a whole day or of one session. May cover several academic years.
 */
public record SchoolCalendar(List<Term> terms, List<Closure> closures) {

    public record Term(AcademicYear academicYear, LocalDate start, LocalDate end) {
        boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }

    /** A closure of a whole day ({@code session} null) or of one session. */
    public record Closure(AcademicYear academicYear, LocalDate date, Session session, String reason) {
        boolean closes(LocalDate day, Session s) {
            return date.equals(day) && (session == null || session == s);
        }
    }

    public SchoolCalendar {
        terms = List.copyOf(terms);
        closures = List.copyOf(closures);
    }

    public boolean isOpen(LocalDate date, Session session) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        return terms.stream().anyMatch(t -> t.contains(date))
                && closures.stream().noneMatch(c -> c.closes(date, session));
    }

    public boolean isInTerm(LocalDate date) {
        return terms.stream().anyMatch(t -> t.contains(date));
    }

    /** Every open (date, session) pair as {@link #key}, fast to look up for a large register upload. */
    public Set<Long> openSessionKeys() {
        var keys = new HashSet<Long>();
        for (Term term : terms) {
            for (LocalDate day = term.start(); !day.isAfter(term.end()); day = day.plusDays(1)) {
                for (Session session : Session.values()) {
                    if (isOpen(day, session)) {
                        keys.add(key(day, session));
                    }
                }
            }
        }
        return keys;
    }

    public static long key(LocalDate date, Session session) {
        return date.toEpochDay() * 2 + session.ordinal();
    }
}
