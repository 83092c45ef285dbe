package org.openattendance.leave;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.openattendance.register.SessionSlot;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.springframework.stereotype.Component;

/**
 * Which sessions a request covers: the school's open sessions between its first and last session. Public for the
 * process steps in {@code leave.steps}.
 */
@Component
public class LeaveSessions {

    private final SchoolCalendars calendars;

    LeaveSessions(SchoolCalendars calendars) {
        this.calendars = calendars;
    }

    List<SessionSlot> open(String schoolUrn, LocalDate from, Session fromSession, LocalDate to, Session toSession) {
        Set<AcademicYear> years = new LinkedHashSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            years.add(AcademicYear.containing(d));
        }
        SchoolCalendar calendar = calendars.forYears(schoolUrn, years);
        List<SessionSlot> slots = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (Session s : Session.values()) {
                boolean inRange = !(d.equals(from) && s.compareTo(fromSession) < 0) && !(d.equals(to) && s.compareTo(toSession) > 0);
                if (inRange && calendar.isOpen(d, s)) {
                    slots.add(new SessionSlot(d, s));
                }
            }
        }
        return slots;
    }

    /** The school's open sessions on the next {@code schoolDays} school days after the request (for overstays). */
    public List<SessionSlot> after(LeaveRequest r, int schoolDays) {
        LocalDate first = r.toSession() == Session.AM ? r.toDate() : r.toDate().plusDays(1);
        Session firstSession = r.toSession() == Session.AM ? Session.PM : Session.AM;
        List<SessionSlot> slots = open(r.schoolUrn(), first, firstSession, first.plusDays(NewLeaveRequest.LONGEST_DAYS), Session.PM);
        List<SessionSlot> found = new ArrayList<>();
        Set<LocalDate> days = new LinkedHashSet<>();
        for (SessionSlot slot : slots) {
            if (days.add(slot.date()) && days.size() > schoolDays) {
                break;
            }
            found.add(slot);
        }
        return found;
    }

    /** Weekdays of the request outside the school's terms (the office flags them; they need no leave). */
    List<LocalDate> weekdaysOutOfTerm(LeaveRequest r) {
        Set<AcademicYear> years = new LinkedHashSet<>();
        for (LocalDate d = r.fromDate(); !d.isAfter(r.toDate()); d = d.plusDays(1)) {
            years.add(AcademicYear.containing(d));
        }
        SchoolCalendar calendar = calendars.forYears(r.schoolUrn(), years);
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = r.fromDate(); !d.isAfter(r.toDate()); d = d.plusDays(1)) {
            boolean weekday = d.getDayOfWeek().getValue() <= 5;
            if (weekday && !calendar.isInTerm(d)) {
                out.add(d);
            }
        }
        return out;
    }

    public List<SessionSlot> requested(LeaveRequest r) {
        return open(r.schoolUrn(), r.fromDate(), r.fromSession(), r.toDate(), r.toSession());
    }

    /** The requested sessions the decision granted (none when refused). */
    public static List<SessionSlot> granted(LeaveRequest r, List<SessionSlot> requested) {
        if (r.grantedFrom() == null || r.grantedTo() == null) {
            return List.of();
        }
        var first = new SessionSlot(r.grantedFrom(), r.grantedFromSession() == null ? Session.AM : r.grantedFromSession());
        var last = new SessionSlot(r.grantedTo(), r.grantedToSession() == null ? Session.PM : r.grantedToSession());
        return requested.stream().filter(s -> s.compareTo(first) >= 0 && s.compareTo(last) <= 0).toList();
    }

    public static List<SessionSlot> refused(LeaveRequest r, List<SessionSlot> requested) {
        List<SessionSlot> granted = granted(r, requested);
        return requested.stream().filter(s -> !granted.contains(s)).toList();
    }
}
