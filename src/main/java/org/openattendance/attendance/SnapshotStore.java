package org.openattendance.attendance;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openattendance.attendance.calculator.AttendanceBand;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The attendance_snapshot table. */
@Repository
class SnapshotStore {

    private static final String COLUMNS = "pupil_id, academic_year, as_of, possible, attended, authorised, unauthorised, "
            + "attendance_percent, band, penalty_sessions, penalty_window_start, penalty_window_end, penalty_met, "
            + "unexplained_streak_days, illness_sessions, unexplained_last_day, unresolved_sessions, unresolved_from, "
            + "unresolved_to, morning_pending";

    /** {@code possible} of a row that only holds a lock for a first recalculation (never committed). */
    private static final int PLACEHOLDER = -1;

    private final JdbcTemplate jdbc;

    SnapshotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, AttendanceSnapshot> find(List<Long> pupilIds, String academicYear) {
        var found = new HashMap<Long, AttendanceSnapshot>();
        jdbc.query("select " + COLUMNS + " from attendance_snapshot where academic_year = ? and pupil_id = any(?)",
                rs -> {
                    AttendanceSnapshot snapshot = read(rs);
                    found.put(snapshot.pupilId(), snapshot);
                }, academicYear, pupilIds.toArray(Long[]::new));
        return found;
    }

    /**
     * Locks the pupils' snapshot rows for this transaction, in pupil order (so two recalculations never deadlock), and
     * answers the previous snapshots. A pupil without a snapshot yet gets a placeholder row first, which the
     * recalculation overwrites before it commits: a row to lock, so that two first recalculations wait for each other
     * too. Whoever holds the lock reads the marks after taking it, so it computes from every mark committed before
     * it wrote, and a recalculation never replaces a snapshot with one built from older marks.
     */
    Map<Long, AttendanceSnapshot> lockForRecalculation(List<Long> pupilIds, String academicYear, LocalDate asOf) {
        Long[] ids = pupilIds.stream().sorted().toArray(Long[]::new);
        // Only the columns without a default: the row is overwritten before the transaction commits.
        jdbc.update("insert into attendance_snapshot (pupil_id, academic_year, as_of, possible, attended, authorised, "
                + "unauthorised, band, penalty_sessions, penalty_met, unexplained_streak_days, illness_sessions, computed_at) "
                + "select id, ?, ?, " + PLACEHOLDER + ", 0, 0, 0, 'NONE', 0, false, 0, 0, now() "
                + "from unnest(?::bigint[]) with ordinality as p(id, n) order by n on conflict do nothing",
                academicYear, Date.valueOf(asOf), ids);
        var previous = new HashMap<Long, AttendanceSnapshot>();
        jdbc.query("select " + COLUMNS + " from attendance_snapshot where academic_year = ? and pupil_id = any(?) "
                + "order by pupil_id for update", rs -> {
                    if (rs.getInt(4) != PLACEHOLDER) {
                        AttendanceSnapshot snapshot = read(rs);
                        previous.put(snapshot.pupilId(), snapshot);
                    }
                }, academicYear, ids);
        return previous;
    }

    List<AttendanceSnapshot> forPupils(List<Long> pupilIds, String academicYear) {
        return jdbc.query("select " + COLUMNS + " from attendance_snapshot where academic_year = ? and pupil_id = any(?)",
                (rs, i) -> read(rs), academicYear, pupilIds.toArray(Long[]::new));
    }

    void save(List<AttendanceSnapshot> snapshots, Instant computedAt) {
        jdbc.batchUpdate("insert into attendance_snapshot (" + COLUMNS + ", computed_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (pupil_id, academic_year) do update set as_of = excluded.as_of, "
                        + "possible = excluded.possible, attended = excluded.attended, authorised = excluded.authorised, "
                        + "unauthorised = excluded.unauthorised, attendance_percent = excluded.attendance_percent, "
                        + "band = excluded.band, penalty_sessions = excluded.penalty_sessions, "
                        + "penalty_window_start = excluded.penalty_window_start, penalty_window_end = excluded.penalty_window_end, "
                        + "penalty_met = excluded.penalty_met, unexplained_streak_days = excluded.unexplained_streak_days, "
                        + "illness_sessions = excluded.illness_sessions, unexplained_last_day = excluded.unexplained_last_day, "
                        + "unresolved_sessions = excluded.unresolved_sessions, unresolved_from = excluded.unresolved_from, "
                        + "unresolved_to = excluded.unresolved_to, morning_pending = excluded.morning_pending, "
                        + "computed_at = excluded.computed_at",
                snapshots, 500, (ps, s) -> {
                    ps.setLong(1, s.pupilId());
                    ps.setString(2, s.academicYear());
                    ps.setDate(3, Date.valueOf(s.asOf()));
                    ps.setInt(4, s.possible());
                    ps.setInt(5, s.attended());
                    ps.setInt(6, s.authorised());
                    ps.setInt(7, s.unauthorised());
                    ps.setBigDecimal(8, s.attendancePercent());
                    ps.setString(9, s.band().name());
                    ps.setInt(10, s.penaltySessions());
                    ps.setDate(11, date(s.penaltyWindowStart()));
                    ps.setDate(12, date(s.penaltyWindowEnd()));
                    ps.setBoolean(13, s.penaltyMet());
                    ps.setInt(14, s.unexplainedStreakDays());
                    ps.setInt(15, s.illnessSessions());
                    ps.setDate(16, date(s.unexplainedLastDay()));
                    ps.setInt(17, s.unresolvedSessions());
                    ps.setDate(18, date(s.unresolvedFrom()));
                    ps.setDate(19, date(s.unresolvedTo()));
                    ps.setBoolean(20, s.morningPending());
                    ps.setTimestamp(21, Timestamp.from(computedAt));
                });
    }

    /** Pupils with an N this morning that was loaded while the morning register was still open. */
    List<Long> pendingMornings(String academicYear, LocalDate day) {
        return jdbc.queryForList("select pupil_id from attendance_snapshot where morning_pending and as_of = ? "
                + "and academic_year = ?", Long.class, Date.valueOf(day), academicYear);
    }

    private static AttendanceSnapshot read(ResultSet rs) throws SQLException {
        return new AttendanceSnapshot(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getInt(4),
                rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8), AttendanceBand.valueOf(rs.getString(9)),
                rs.getInt(10), localDate(rs.getDate(11)), localDate(rs.getDate(12)), rs.getBoolean(13), rs.getInt(14),
                rs.getInt(15), localDate(rs.getDate(16)), rs.getInt(17), localDate(rs.getDate(18)),
                localDate(rs.getDate(19)), rs.getBoolean(20));
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
