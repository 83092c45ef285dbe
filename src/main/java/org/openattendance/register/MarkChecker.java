package org.openattendance.register;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openattendance.school.PupilRoll;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.openattendance.shared.Upn;

/**
 * Checks the rows of one school's register upload: a known pupil on roll that day, a session the school is open,
 * a known code, not in the future, each session once. Says what is wrong in words a school office can act on.
 */
final class MarkChecker {

    /** A row that passed every check. */
    record CheckedMark(int line, String upn, long pupilId, LocalDate date, Session session, String code,
                       Integer minutesLate, String reason) {
    }

    private final String schoolUrn;
    private final LocalDate today;
    private final AttendanceCodes codes;
    private final Map<String, PupilRoll.Enrolment> pupils;
    private final Map<AcademicYear, Set<Long>> openSessionsByYear = new HashMap<>();
    private final Set<Long> seen = new HashSet<>();

    MarkChecker(String schoolUrn, LocalDate today, AttendanceCodes codes, SchoolCalendars calendars, PupilRoll roll) {
        this.schoolUrn = schoolUrn;
        this.today = today;
        this.codes = codes;
        this.pupils = roll.byUpn(schoolUrn);
        // Read up front: while the upload streams into the register, its connection can run no other query.
        for (AcademicYear year : calendars.yearsWithCalendar(schoolUrn)) {
            openSessionsByYear.put(year, calendars.forYears(schoolUrn, List.of(year)).openSessionKeys());
        }
    }

    /** The checked mark, or the reason the row is rejected. */
    Object check(MarkRow row) {
        if (row.problem() != null) {
            return row.problem();
        }
        try {
            CheckedMark mark = checked(row);
            long key = (mark.pupilId() << 21) | SchoolCalendar.key(mark.date(), mark.session());
            return seen.add(key) ? mark : "the same pupil, date and session appears earlier in this upload";
        } catch (RowProblem problem) {
            return problem.getMessage();
        }
    }

    private CheckedMark checked(MarkRow row) {
        PupilRoll.Enrolment pupil = row.upn() == null ? null : pupils.get(row.upn().toUpperCase());
        if (pupil == null) {
            String upnProblem = Upn.problemWith(row.upn() == null ? null : row.upn().toUpperCase());
            throw new RowProblem(upnProblem != null ? upnProblem
                    : "no pupil with UPN " + row.upn() + " is registered at this school; upload the pupil first");
        }
        LocalDate date = parseDate(row.date());
        Session session = parseSession(row.session());
        String code = row.code();
        if (code == null) {
            throw new RowProblem("the code is missing");
        }
        if (!codes.isKnown(code)) {
            throw new RowProblem("'" + code + "' is not an attendance code; see GET /api/attendance-codes");
        }
        if (date.isAfter(today)) {
            throw new RowProblem(date + " is in the future; marks can only be recorded up to today");
        }
        Set<Long> open = openSessionsByYear.get(AcademicYear.containing(date));
        if (open == null) {
            throw new RowProblem("the school has no calendar for " + AcademicYear.containing(date)
                    + "; an administrator must load its term dates first");
        }
        if (!open.contains(SchoolCalendar.key(date, session))) {
            throw new RowProblem("the school is not open on " + date + " " + session
                    + " (weekend, holiday or closure in its calendar)");
        }
        if (!pupil.isOnRoll(date)) {
            throw new RowProblem("the pupil is not on roll on " + date + " (admitted " + pupil.admissionDate()
                    + (pupil.deletionDate() == null ? "" : ", left " + pupil.deletionDate()) + ")");
        }
        Integer minutesLate = parseMinutes(row.minutesLate());
        if (minutesLate != null && minutesLate > 0 && !code.equals("L") && !code.equals("U")) {
            throw new RowProblem("minutes_late applies only to L (late before the register closed) or U (after it closed), not "
                    + code);
        }
        String reason = row.reason() == null ? null : row.reason().substring(0, Math.min(500, row.reason().length()));
        return new CheckedMark(row.line(), pupil.upn(), pupil.pupilId(), date, session, code,
                minutesLate, reason);
    }

    /** Reads YYYY-MM-DD without the general-purpose parser, which dominates the time of a large upload. */
    static LocalDate parseDate(String text) {
        if (text == null) {
            throw new RowProblem("the date is missing");
        }
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw new RowProblem("'" + text + "' is not a date in the form YYYY-MM-DD");
        }
        try {
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        } catch (DateTimeException | NumberFormatException e) {
            throw new RowProblem("'" + text + "' is not a date in the form YYYY-MM-DD");
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Session parseSession(String text) {
        if ("AM".equalsIgnoreCase(text)) {
            return Session.AM;
        }
        if ("PM".equalsIgnoreCase(text)) {
            return Session.PM;
        }
        throw new RowProblem("the session must be AM or PM, not '" + (text == null ? "" : text) + "'");
    }

    private static Integer parseMinutes(String text) {
        if (text == null) {
            return null;
        }
        try {
            int minutes = Integer.parseInt(text);
            if (minutes < 0 || minutes > 300) {
                throw new RowProblem("minutes_late must be between 0 and 300, not " + minutes);
            }
            return minutes;
        } catch (NumberFormatException e) {
            throw new RowProblem("minutes_late must be a whole number of minutes, not '" + text + "'");
        }
    }

    private static final class RowProblem extends RuntimeException {
        RowProblem(String message) {
            super(message, null, false, false);
        }
    }
}
