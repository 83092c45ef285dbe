package org.openattendance.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.openattendance.register.MarkChecker.CheckedMark;
import org.openattendance.school.PupilRoll;
import org.openattendance.school.School;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a register upload. Rows are checked as they are read; the valid ones stream straight into the register
 * with COPY, inside a savepoint. If the register already holds a mark for one of them, the savepoint is rolled
 * back and the upload is merged set-wise instead: a changed code with a reason becomes an amendment, a changed
 * code without one is rejected, and marks already held are counted as unchanged, so the same file loaded twice
 * changes nothing. A request that fails as a whole (a malformed file) rolls back and stores nothing.
 */
@Service
public class RegisterLoader {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String UNEXPLAINED = "N";
    private static final String REGISTER_COLUMNS =
            "session_mark (pupil_id, mark_date, session, code, minutes_late, recorded_by, recorded_at, source)";

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

    @Transactional
    public RegisterLoadResult load(School school, Iterable<MarkRow> rows, Recorder recorder, LocalDate today) {
        // One load per school at a time, across every application node sharing the database.
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))::text", String.class, "register:" + school.getUrn());
        var checker = new MarkChecker(school.getUrn(), today, codes, calendars, roll);
        var rejected = new ArrayList<RegisterLoadResult.Rejection>();
        var checked = new ArrayList<CheckedMark>();
        boolean copied = copyStraightIntoRegister(rows, checker, checked, rejected, recorder);
        if (checked.isEmpty() && rejected.isEmpty()) {
            throw new InvalidInputException("The upload has no rows");
        }
        RegisterLoadResult result = copied
                ? new RegisterLoadResult(checked.size(), 0, 0, sorted(rejected))
                : merge(checked, rejected, recorder);
        if (result.accepted() + result.amended() > 0) {
            publishChange(school, checked, today);
        }
        return result;
    }

    /** Checks every row; streams the valid ones into the register. False if a mark was already held. */
    private boolean copyStraightIntoRegister(Iterable<MarkRow> rows, MarkChecker checker, List<CheckedMark> checked,
                                             List<RegisterLoadResult.Rejection> rejected, Recorder recorder) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        BinaryCopy copy = null;
        try {
            Savepoint beforeCopy = connection.setSavepoint();
            copy = new BinaryCopy(connection, REGISTER_COLUMNS);
            Instant recordedAt = Instant.now();
            boolean copying = true;
            for (MarkRow row : rows) {
                Object outcome = checker.check(row);
                if (outcome instanceof CheckedMark mark) {
                    checked.add(mark);
                    copying = copying && send(copy, mark, recorder, recordedAt);
                } else {
                    rejected.add(new RegisterLoadResult.Rejection(row.line(), row.upn(), (String) outcome));
                }
            }
            copying = copying && finish(copy);
            if (copying) {
                connection.releaseSavepoint(beforeCopy);
            } else {
                connection.rollback(beforeCopy);
            }
            return copying;
        } catch (SQLException e) {
            throw new IllegalStateException("Storing the register upload failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (copy != null) {
                copy.cancel();
            }
            throw e;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static boolean send(BinaryCopy copy, CheckedMark mark, Recorder recorder, Instant recordedAt) {
        try {
            copy.row(8).bigint(mark.pupilId()).date(mark.date()).text(mark.session().name()).text(mark.code())
                    .smallint(mark.minutesLate()).text(recorder.username()).timestamptz(recordedAt)
                    .text(recorder.source().name());
            copy.endRow();
            return true;
        } catch (SQLException e) {
            return alreadyHeld(e, copy);
        }
    }

    private static boolean finish(BinaryCopy copy) {
        try {
            copy.finish();
            return true;
        } catch (SQLException e) {
            return alreadyHeld(e, copy);
        }
    }

    /** A unique violation means the register already holds some of these marks: merge instead. */
    private static boolean alreadyHeld(SQLException e, BinaryCopy copy) {
        copy.cancel();
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw new IllegalStateException("Storing the register upload failed: " + e.getMessage(), e);
        }
        return false;
    }

    private RegisterLoadResult merge(List<CheckedMark> checked, List<RegisterLoadResult.Rejection> rejected,
                                     Recorder recorder) {
        stage(checked);
        rejected.addAll(jdbc.query("""
                select u.line, u.upn, m.code, m.minutes_late from mark_upload u
                join session_mark m on m.pupil_id = u.pupil_id and m.mark_date = u.mark_date and m.session = u.session
                where (m.code <> u.code or m.minutes_late is distinct from u.minutes_late) and u.reason is null""",
                (rs, i) -> new RegisterLoadResult.Rejection(rs.getInt(1), rs.getString(2),
                        "the register already holds " + rs.getString(3) + describeMinutes(rs.getObject(4))
                                + " for this session; a change needs a reason")));
        Integer unchanged = jdbc.queryForObject("""
                select count(*) from mark_upload u
                join session_mark m on m.pupil_id = u.pupil_id and m.mark_date = u.mark_date and m.session = u.session
                where m.code = u.code and m.minutes_late is not distinct from u.minutes_late""", Integer.class);
        int amended = amend(recorder);
        int accepted = jdbc.update("""
                insert into session_mark (pupil_id, mark_date, session, code, minutes_late, recorded_by, recorded_at, source)
                select pupil_id, mark_date, session, code, minutes_late, ?, now(), ? from mark_upload
                on conflict (pupil_id, mark_date, session) do nothing""", recorder.username(), recorder.source().name());
        return new RegisterLoadResult(accepted, amended, unchanged == null ? 0 : unchanged, sorted(rejected));
    }

    private void stage(List<CheckedMark> marks) {
        jdbc.execute("""
                create temporary table if not exists mark_upload (line int, upn varchar(13), pupil_id bigint,
                  mark_date date, session varchar(2), code varchar(2), minutes_late smallint, reason varchar(500))
                  on commit drop""");
        jdbc.execute("truncate mark_upload");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = new BinaryCopy(connection, "mark_upload (line, upn, pupil_id, mark_date, session, code, minutes_late, reason)");
            for (CheckedMark mark : marks) {
                copy.row(8).integer(mark.line()).text(mark.upn()).bigint(mark.pupilId()).date(mark.date())
                        .text(mark.session().name()).text(mark.code()).smallint(mark.minutesLate()).text(mark.reason());
                copy.endRow();
            }
            copy.finish();
        } catch (SQLException e) {
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

    /**
     * Announces the change: every pupil whose marks changed, and, first, the pupils with an N in today's morning
     * session among them (held marks loaded again are included: the listener's recalculation finds nothing new).
     */
    private void publishChange(School school, List<CheckedMark> marks, LocalDate today) {
        var unexplainedThisMorning = new TreeSet<Long>();
        for (CheckedMark mark : marks) {
            if (mark.session() == Session.AM && today.equals(mark.date()) && UNEXPLAINED.equals(mark.code())) {
                unexplainedThisMorning.add(mark.pupilId());
            }
        }
        if (!unexplainedThisMorning.isEmpty()) {
            events.publishEvent(new UnexplainedMorningsRecorded(school.getUrn(), today,
                    List.copyOf(unexplainedThisMorning)));
        }
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

    private static String describeMinutes(Object minutes) {
        return minutes == null ? "" : " (" + minutes + " minutes late)";
    }

    private static List<RegisterLoadResult.Rejection> sorted(List<RegisterLoadResult.Rejection> rejected) {
        return rejected.stream().sorted((a, b) -> Integer.compare(a.line(), b.line())).toList();
    }
}
