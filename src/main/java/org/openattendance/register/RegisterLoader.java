package org.openattendance.register;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.openattendance.school.PupilRoll;
import org.openattendance.school.School;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.openattendance.shared.Upn;
import org.postgresql.PGConnection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a register upload: each row is checked (pupil on roll, school open, known code, not in the future),
 * the valid rows are staged with COPY and merged set-wise, a changed code becomes an amendment, and the rows
 * already held are counted as unchanged, so the same file loaded twice changes nothing.
 */
@Service
public class RegisterLoader {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final AttendanceCodes codes;
    private final PupilRoll roll;
    private final SchoolCalendars calendars;
    private final ApplicationEventPublisher events;

    RegisterLoader(JdbcTemplate jdbc, DataSource dataSource, AttendanceCodes codes, PupilRoll roll,
                   SchoolCalendars calendars, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.codes = codes;
        this.roll = roll;
        this.calendars = calendars;
        this.events = events;
    }

    /** A row that passed every check, ready to be staged. */
    private record CheckedMark(int line, long pupilId, LocalDate date, Session session, String code, Integer minutesLate,
                               String reason) {
    }

    @Transactional
    public RegisterLoadResult load(School school, List<MarkRow> rows, Recorder recorder, LocalDate today) {
        // One load per school at a time, across every application node sharing the database.
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))::text", String.class, "register:" + school.getUrn());
        var rejected = new ArrayList<RegisterLoadResult.Rejection>();
        List<CheckedMark> checked = check(school, rows, today, rejected);
        if (checked.isEmpty()) {
            return new RegisterLoadResult(0, 0, 0, sorted(rejected));
        }
        stage(checked);
        Map<Integer, String> upnByLine = new HashMap<>();
        rows.forEach(r -> upnByLine.put(r.line(), r.upn()));
        var changesWithoutReason = jdbc.query("""
                select u.line, m.code, m.minutes_late from mark_upload u
                join session_mark m on m.pupil_id = u.pupil_id and m.mark_date = u.mark_date and m.session = u.session
                where (m.code <> u.code or m.minutes_late is distinct from u.minutes_late) and u.reason is null""",
                (rs, i) -> new RegisterLoadResult.Rejection(rs.getInt(1), upnByLine.get(rs.getInt(1)),
                        "the register already holds " + rs.getString(2) + describeMinutes(rs.getObject(3))
                                + " for this session; a change needs a reason"));
        rejected.addAll(changesWithoutReason);
        int unchanged = count("""
                select count(*) from mark_upload u
                join session_mark m on m.pupil_id = u.pupil_id and m.mark_date = u.mark_date and m.session = u.session
                where m.code = u.code and m.minutes_late is not distinct from u.minutes_late""");
        int amended = amend(recorder);
        int accepted = jdbc.update("""
                insert into session_mark (pupil_id, mark_date, session, code, minutes_late, recorded_by, recorded_at, source)
                select pupil_id, mark_date, session, code, minutes_late, ?, now(), ? from mark_upload
                on conflict (pupil_id, mark_date, session) do nothing""", recorder.username(), recorder.source().name());
        if (accepted + amended > 0) {
            publishChange(school, checked);
        }
        return new RegisterLoadResult(accepted, amended, unchanged, sorted(rejected));
    }

    private List<CheckedMark> check(School school, List<MarkRow> rows, LocalDate today,
                                    List<RegisterLoadResult.Rejection> rejected) {
        Map<String, PupilRoll.Enrolment> pupils = roll.byUpn(school.getUrn());
        var openSessions = new OpenSessions(school.getUrn());
        var seen = new HashSet<Long>();
        var checked = new ArrayList<CheckedMark>(rows.size());
        for (MarkRow row : rows) {
            String problem = row.problem();
            CheckedMark mark = null;
            if (problem == null) {
                try {
                    mark = check(row, pupils, openSessions, today);
                    long key = (mark.pupilId() << 21) | SchoolCalendar.key(mark.date(), mark.session());
                    if (!seen.add(key)) {
                        problem = "the same pupil, date and session appears earlier in this upload";
                    }
                } catch (RowProblem e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                rejected.add(new RegisterLoadResult.Rejection(row.line(), row.upn(), problem));
            } else {
                checked.add(mark);
            }
        }
        return checked;
    }

    private CheckedMark check(MarkRow row, Map<String, PupilRoll.Enrolment> pupils, OpenSessions openSessions,
                              LocalDate today) {
        String upnProblem = Upn.problemWith(row.upn());
        if (upnProblem != null) {
            throw new RowProblem(upnProblem);
        }
        PupilRoll.Enrolment pupil = pupils.get(row.upn());
        if (pupil == null) {
            throw new RowProblem("no pupil with UPN " + row.upn() + " is registered at this school; upload the pupil first");
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
        if (!openSessions.isOpen(date, session)) {
            throw new RowProblem("the school is not open on " + date + " " + session
                    + " (weekend, holiday or closure in its calendar)");
        }
        if (!pupil.isOnRoll(date)) {
            throw new RowProblem("the pupil is not on roll on " + date + " (admitted " + pupil.admissionDate()
                    + (pupil.deletionDate() == null ? "" : ", left " + pupil.deletionDate()) + ")");
        }
        Integer minutesLate = parseMinutes(row.minutesLate());
        String reason = row.reason() == null ? null : row.reason().substring(0, Math.min(500, row.reason().length()));
        return new CheckedMark(row.line(), pupil.pupilId(), date, session, code, minutesLate, reason);
    }

    private static LocalDate parseDate(String text) {
        if (text == null) {
            throw new RowProblem("the date is missing");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new RowProblem("'" + text + "' is not a date in the form YYYY-MM-DD");
        }
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

    private void stage(List<CheckedMark> marks) {
        jdbc.execute("""
                create temporary table if not exists mark_upload (line int, pupil_id bigint, mark_date date,
                  session varchar(2), code varchar(2), minutes_late smallint, reason varchar(500)) on commit drop""");
        jdbc.execute("truncate mark_upload");
        var csv = new StringBuilder(marks.size() * 32);
        for (CheckedMark mark : marks) {
            csv.append(mark.line()).append(',').append(mark.pupilId()).append(',').append(mark.date()).append(',')
                    .append(mark.session().name()).append(',').append(mark.code()).append(',')
                    .append(mark.minutesLate() == null ? "" : mark.minutesLate()).append(',');
            if (mark.reason() != null) {
                csv.append('"').append(mark.reason().replace("\"", "\"\"")).append('"');
            }
            csv.append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy mark_upload from stdin (format csv)", new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Staging the register upload failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        jdbc.execute("analyze mark_upload");
    }

    private int amend(Recorder recorder) {
        int amended = jdbc.update("""
                insert into mark_amendment (pupil_id, mark_date, session, original_code, new_code, original_minutes_late,
                  new_minutes_late, reason, amended_at, amended_by, amended_role, source)
                select m.pupil_id, m.mark_date, m.session, m.code, u.code, m.minutes_late, u.minutes_late, u.reason,
                  now(), ?, ?, ?
                from mark_upload u
                join session_mark m on m.pupil_id = u.pupil_id and m.mark_date = u.mark_date and m.session = u.session
                where (m.code <> u.code or m.minutes_late is distinct from u.minutes_late) and u.reason is not null""",
                recorder.username(), recorder.role(), recorder.source().name());
        if (amended > 0) {
            jdbc.update("""
                    update session_mark m set code = u.code, minutes_late = u.minutes_late
                    from mark_upload u
                    where m.pupil_id = u.pupil_id and m.mark_date = u.mark_date and m.session = u.session
                      and (m.code <> u.code or m.minutes_late is distinct from u.minutes_late) and u.reason is not null""");
        }
        return amended;
    }

    private void publishChange(School school, List<CheckedMark> marks) {
        var pupilIds = new TreeSet<Long>();
        LocalDate from = LocalDate.MAX;
        LocalDate to = LocalDate.MIN;
        for (CheckedMark mark : marks) {
            pupilIds.add(mark.pupilId());
            from = mark.date().isBefore(from) ? mark.date() : from;
            to = mark.date().isAfter(to) ? mark.date() : to;
        }
        events.publishEvent(new MarksRecorded(school.getUrn(), List.copyOf(pupilIds), from, to));
    }

    private int count(String sql) {
        Integer count = jdbc.queryForObject(sql, Integer.class);
        return count == null ? 0 : count;
    }

    private static String describeMinutes(Object minutes) {
        return minutes == null ? "" : " (" + minutes + " minutes late)";
    }

    private static List<RegisterLoadResult.Rejection> sorted(List<RegisterLoadResult.Rejection> rejected) {
        return rejected.stream().sorted((a, b) -> Integer.compare(a.line(), b.line())).toList();
    }

    /** The school's open sessions, loaded per academic year as the upload reaches it. */
    private final class OpenSessions {
        private final String urn;
        private final Map<AcademicYear, Set<Long>> byYear = new HashMap<>();

        OpenSessions(String urn) {
            this.urn = urn;
        }

        boolean isOpen(LocalDate date, Session session) {
            Set<Long> open = byYear.computeIfAbsent(AcademicYear.containing(date),
                    year -> calendars.forYears(urn, List.of(year)).openSessionKeys());
            return open.contains(SchoolCalendar.key(date, session));
        }
    }

    private static final class RowProblem extends RuntimeException {
        RowProblem(String message) {
            super(message, null, false, false);
        }
    }
}
