package org.openattendance.dashboard;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.openattendance.shared.Session;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The dashboard's aggregate tables, written after each load (see V50__dashboard_aggregates.sql). */
@Repository
class AggregateStore {

    /** An N mark still in the register. */
    record Unexplained(long pupilId, LocalDate date, Session session) {
    }

    static final String PUPIL_WEEK_COLUMNS = "pupil_id, academic_year, week_start, school_urn, year_group, cohorts, "
            + "possible, attended, authorised, unauthorised, late, codes, ytd_possible, ytd_attended, ytd_authorised, "
            + "ytd_unauthorised, ytd_late, ytd_codes, week_band, ytd_band";

    private final JdbcTemplate jdbc;

    AggregateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Held until the transaction ends: one refresh of a school at a time across every node, and each refresh reads
     * the marks after taking it, so a refresh never writes figures older than the ones it replaces.
     */
    void lockSchool(String schoolUrn) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('dashboard'), hashtext(?))::text", String.class,
                schoolUrn);
    }

    void replacePupilWeeks(Collection<Long> pupilIds, String academicYear, List<PupilWeek> rows) {
        jdbc.update("delete from dashboard_pupil_week where academic_year = ? and pupil_id = any(?)", academicYear,
                pupilIds.toArray(Long[]::new));
        insertPupilWeeks(rows);
    }

    private void insertPupilWeeks(List<PupilWeek> rows) {
        String values = String.join(", ", java.util.Collections.nCopies(PUPIL_WEEK_COLUMNS.split(",").length, "?"));
        jdbc.batchUpdate("insert into dashboard_pupil_week (" + PUPIL_WEEK_COLUMNS + ") values (" + values + ")", rows,
                1000, AggregateStore::setPupilWeek);
    }

    /** The pupils' rows from {@code fromWeek} on, replaced; their earlier rows are kept. */
    void replacePupilWeeksFrom(Collection<Long> pupilIds, String academicYear, LocalDate fromWeek, List<PupilWeek> rows) {
        jdbc.update("delete from dashboard_pupil_week where academic_year = ? and pupil_id = any(?) and week_start >= ?",
                academicYear, pupilIds.toArray(Long[]::new), Date.valueOf(fromWeek));
        insertPupilWeeks(rows);
    }

    /** How many of the given pupils have a row for this week. */
    int pupilsWithWeek(Collection<Long> pupilIds, String academicYear, LocalDate week) {
        Integer count = jdbc.queryForObject("select count(*) from dashboard_pupil_week where academic_year = ? "
                + "and week_start = ? and pupil_id = any(?)", Integer.class, academicYear, Date.valueOf(week),
                pupilIds.toArray(Long[]::new));
        return count == null ? 0 : count;
    }

    /**
     * Gives every pupil of the school whose rows end before {@code week} the missing weeks, with no sessions and the
     * year to date carried forward, so that all the school's pupils have rows to the same latest week.
     */
    void extendTo(String schoolUrn, String academicYear, LocalDate week) {
        jdbc.update("""
                insert into dashboard_pupil_week (%s)
                select l.pupil_id, l.academic_year, w.week::date, l.school_urn, l.year_group, l.cohorts, 0, 0, 0, 0, 0, '',
                       l.ytd_possible, l.ytd_attended, l.ytd_authorised, l.ytd_unauthorised, l.ytd_late, l.ytd_codes, 0,
                       l.ytd_band
                from (select distinct on (pupil_id) * from dashboard_pupil_week
                      where school_urn = ? and academic_year = ? order by pupil_id, week_start desc) l
                cross join generate_series(l.week_start + 7, ?::date, interval '7 days') w(week)
                on conflict do nothing""".formatted(PUPIL_WEEK_COLUMNS), schoolUrn, academicYear, Date.valueOf(week));
    }

    List<PupilWeek> pupilWeeks(String schoolUrn, String academicYear) {
        return jdbc.query("select " + PUPIL_WEEK_COLUMNS + " from dashboard_pupil_week where school_urn = ? "
                + "and academic_year = ? order by pupil_id, week_start", AggregateStore::pupilWeek, schoolUrn, academicYear);
    }

    LocalDate lastWeek(String schoolUrn, String academicYear) {
        return jdbc.query("select max(week_start) from dashboard_pupil_week where school_urn = ? and academic_year = ?",
                rs -> rs.next() && rs.getDate(1) != null ? rs.getDate(1).toLocalDate() : null, schoolUrn, academicYear);
    }

    /** The latest week of the school's rollups as last written, or null if they never were. */
    LocalDate rollupLastWeek(String schoolUrn, String academicYear) {
        return jdbc.query("select last_week from dashboard_school_year where school_urn = ? and academic_year = ?",
                rs -> rs.next() ? rs.getDate(1).toLocalDate() : null, schoolUrn, academicYear);
    }

    /**
     * The school's rollups from the week of {@code fromWeek} on (null: every week) replaced by those of
     * {@code rollup}; the earlier weeks' rows are kept. Each pupil's latest figures and the school's year are replaced.
     */
    void replaceRollup(String schoolUrn, String academicYear, SchoolRollup.Result rollup, LocalDate fromWeek,
                       LocalDate lastWeek, LocalDate asOf, Instant now) {
        LocalDate from = fromWeek == null ? LocalDate.of(1900, 1, 1) : fromWeek;
        jdbc.update("delete from dashboard_school_week where school_urn = ? and academic_year = ? and week_start >= ?",
                schoolUrn, academicYear, Date.valueOf(from));
        jdbc.update("delete from dashboard_school_week_code where school_urn = ? and academic_year = ? "
                + "and week_start >= ?", schoolUrn, academicYear, Date.valueOf(from));
        jdbc.batchUpdate("insert into dashboard_school_week (school_urn, academic_year, week_start, dimension, member, "
                        + "pupils, possible, attended, authorised, unauthorised, late, persistent, severe, ytd_pupils, "
                        + "ytd_possible, ytd_attended, ytd_authorised, ytd_unauthorised, ytd_late, ytd_persistent, ytd_severe) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rollup.rows().stream().filter(row -> !row.key().weekStart().isBefore(from)).toList(), 1000,
                (ps, row) -> {
                    setKey(ps, schoolUrn, academicYear, row.key());
                    setTally(ps, 6, row.week());
                    setTally(ps, 14, row.yearToDate());
                });
        jdbc.batchUpdate("insert into dashboard_school_week_code (school_urn, academic_year, week_start, dimension, "
                        + "member, code, sessions, ytd_sessions) values (?, ?, ?, ?, ?, ?, ?, ?)",
                rollup.codes().stream().filter(row -> !row.key().weekStart().isBefore(from)).toList(), 1000,
                (ps, row) -> {
                    setKey(ps, schoolUrn, academicYear, row.key());
                    ps.setString(6, row.code());
                    ps.setInt(7, row.sessions());
                    ps.setInt(8, row.yearToDateSessions());
                });
        jdbc.update("delete from dashboard_pupil_recent where school_urn = ? and academic_year = ?", schoolUrn,
                academicYear);
        jdbc.batchUpdate("insert into dashboard_pupil_recent (pupil_id, academic_year, school_urn, year_group, cohorts, "
                        + "ytd_possible, ytd_attended, ytd_authorised, ytd_unauthorised, ytd_late, recent_possible, "
                        + "recent_attended, recent_authorised, recent_unauthorised, recent_late) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (pupil_id, academic_year) do update "
                        + "set school_urn = excluded.school_urn, year_group = excluded.year_group, cohorts = excluded.cohorts, "
                        + "ytd_possible = excluded.ytd_possible, ytd_attended = excluded.ytd_attended, "
                        + "ytd_authorised = excluded.ytd_authorised, ytd_unauthorised = excluded.ytd_unauthorised, "
                        + "ytd_late = excluded.ytd_late, recent_possible = excluded.recent_possible, "
                        + "recent_attended = excluded.recent_attended, recent_authorised = excluded.recent_authorised, "
                        + "recent_unauthorised = excluded.recent_unauthorised, recent_late = excluded.recent_late",
                rollup.pupils(), 1000, (ps, pupil) -> {
                    ps.setLong(1, pupil.pupilId());
                    ps.setString(2, academicYear);
                    ps.setString(3, pupil.schoolUrn());
                    ps.setInt(4, pupil.yearGroup());
                    ps.setInt(5, pupil.cohorts());
                    setSessions(ps, 6, pupil.yearToDate());
                    setSessions(ps, 11, pupil.lastFourWeeks());
                });
        jdbc.update("""
                insert into dashboard_school_year (school_urn, academic_year, last_week, as_of, refreshed_at, at_risk)
                values (?, ?, ?, ?, ?, ?) on conflict (school_urn, academic_year) do update
                set last_week = excluded.last_week, as_of = excluded.as_of, refreshed_at = excluded.refreshed_at,
                    at_risk = excluded.at_risk""",
                schoolUrn, academicYear, Date.valueOf(lastWeek), Date.valueOf(asOf), Timestamp.from(now), rollup.atRisk());
    }

    void replaceUnexplained(String schoolUrn, Collection<Long> pupilIds, LocalDate from, LocalDate to,
                            List<Unexplained> marks) {
        jdbc.update("delete from dashboard_unexplained_mark where pupil_id = any(?) and mark_date between ? and ?",
                pupilIds.toArray(Long[]::new), Date.valueOf(from), Date.valueOf(to));
        jdbc.batchUpdate("insert into dashboard_unexplained_mark (pupil_id, mark_date, session, school_urn) "
                + "values (?, ?, ?, ?) on conflict do nothing", marks, 1000, (ps, mark) -> {
                    ps.setLong(1, mark.pupilId());
                    ps.setDate(2, Date.valueOf(mark.date()));
                    ps.setString(3, mark.session().name());
                    ps.setString(4, schoolUrn);
                });
    }

    /**
     * The school's days between two dates replaced by {@code days} (in date order), unless they are the same: the
     * calendar rarely changes, and every load of the school would otherwise rewrite two years of days.
     */
    void replaceSchoolDays(String schoolUrn, LocalDate from, LocalDate to, List<LocalDate> days) {
        List<LocalDate> kept = jdbc.query("select day from dashboard_school_day where school_urn = ? and day between ? "
                + "and ? order by day", (rs, i) -> rs.getDate(1).toLocalDate(), schoolUrn, Date.valueOf(from),
                Date.valueOf(to));
        if (kept.equals(days)) {
            return;
        }
        jdbc.update("delete from dashboard_school_day where school_urn = ? and day between ? and ?", schoolUrn,
                Date.valueOf(from), Date.valueOf(to));
        jdbc.batchUpdate("insert into dashboard_school_day (school_urn, day) values (?, ?) on conflict do nothing", days,
                1000, (ps, day) -> {
                    ps.setString(1, schoolUrn);
                    ps.setDate(2, Date.valueOf(day));
                });
    }

    boolean isEmpty() {
        return !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from dashboard_school_year)", Boolean.class));
    }

    private static void setSessions(PreparedStatement ps, int first, Sessions sessions) throws SQLException {
        ps.setInt(first, sessions.possible());
        ps.setInt(first + 1, sessions.attended());
        ps.setInt(first + 2, sessions.authorised());
        ps.setInt(first + 3, sessions.unauthorised());
        ps.setInt(first + 4, sessions.late());
    }

    private static void setKey(PreparedStatement ps, String schoolUrn, String academicYear, SchoolRollup.Key key)
            throws SQLException {
        ps.setString(1, schoolUrn);
        ps.setString(2, academicYear);
        ps.setDate(3, Date.valueOf(key.weekStart()));
        ps.setString(4, key.dimension().name());
        ps.setString(5, key.member());
    }

    private static void setTally(PreparedStatement ps, int first, Tally tally) throws SQLException {
        ps.setInt(first, tally.pupils());
        Sessions s = tally.sessions();
        ps.setInt(first + 1, s.possible());
        ps.setInt(first + 2, s.attended());
        ps.setInt(first + 3, s.authorised());
        ps.setInt(first + 4, s.unauthorised());
        ps.setInt(first + 5, s.late());
        ps.setInt(first + 6, tally.persistent());
        ps.setInt(first + 7, tally.severe());
    }

    private static void setPupilWeek(PreparedStatement ps, PupilWeek row) throws SQLException {
        ps.setLong(1, row.pupilId());
        ps.setString(2, row.academicYear());
        ps.setDate(3, Date.valueOf(row.weekStart()));
        ps.setString(4, row.schoolUrn());
        ps.setInt(5, row.yearGroup());
        ps.setInt(6, row.cohorts());
        Sessions w = row.week();
        ps.setInt(7, w.possible());
        ps.setInt(8, w.attended());
        ps.setInt(9, w.authorised());
        ps.setInt(10, w.unauthorised());
        ps.setInt(11, w.late());
        ps.setString(12, row.codes());
        Sessions y = row.yearToDate();
        ps.setInt(13, y.possible());
        ps.setInt(14, y.attended());
        ps.setInt(15, y.authorised());
        ps.setInt(16, y.unauthorised());
        ps.setInt(17, y.late());
        ps.setString(18, row.yearToDateCodes());
        ps.setInt(19, w.band().ordinal());
        ps.setInt(20, y.band().ordinal());
    }

    static PupilWeek pupilWeek(ResultSet rs, int i) throws SQLException {
        return new PupilWeek(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getInt(5),
                rs.getInt(6), new Sessions(rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11)),
                rs.getString(12), new Sessions(rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getInt(16), rs.getInt(17)),
                rs.getString(18));
    }
}
