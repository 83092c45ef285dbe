package org.openattendance.casework;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.openattendance.register.RegisterQueries;
import org.openattendance.shared.BritishDates;
import org.openattendance.shared.Session;
import org.springframework.stereotype.Component;

/**
 * The absence a first-day contact task is about, as its form says it ({@code {{absence}}}): the day of the N the
 * task was raised for, the British way, and the sessions of that day the register shows as N now.
 */
@Component
class AbsenceOnTask {

    private final CaseStore records;
    private final RegisterQueries register;

    AbsenceOnTask(CaseStore records, RegisterQueries register) {
        this.records = records;
        this.register = register;
    }

    /** "Absent without a reason (N) on **Monday 30 November 2026**, the morning session.", or "" without a day. */
    String describe(Object caseId, Object absenceDate) {
        LocalDate day = parse(absenceDate);
        if (day == null) {
            return "";
        }
        String when = "**" + BritishDates.WEEKDAY.format(day) + "**";
        List<Session> sessions = caseId == null ? List.of() : records.find(UUID.fromString(caseId.toString()))
                .map(kase -> register.marksOf(kase.pupilId(), day, day).stream()
                        .filter(mark -> "N".equals(mark.code())).map(RegisterQueries.Mark::session).sorted().toList())
                .orElse(List.of());
        if (sessions.isEmpty()) {
            return "Absent without a reason (N) on " + when + "; the register no longer shows N for that day.";
        }
        return "Absent without a reason (N) on " + when + ", " + sessionsText(sessions) + ".";
    }

    static String sessionsText(List<Session> sessions) {
        if (sessions.size() == 2) {
            return "the morning and afternoon sessions";
        }
        return sessions.get(0) == Session.AM ? "the morning session" : "the afternoon session";
    }

    private static LocalDate parse(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
