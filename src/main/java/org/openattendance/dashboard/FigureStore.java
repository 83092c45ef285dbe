package org.openattendance.dashboard;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the dashboard's aggregates; never the register. */
@Repository
class FigureStore {

    /** Which weeks of the school rollups: each school's latest (its year to date), one week, or every week. */
    sealed interface Weeks permits Latest, At, Every {
    }

    record Latest() implements Weeks {
    }

    record At(LocalDate monday) implements Weeks {
    }

    record Every() implements Weeks {
    }

    /** One row of a school rollup. */
    record RollupRow(String schoolUrn, LocalDate weekStart, Dimension dimension, String member, Tally week,
                     Tally yearToDate) {
    }

    record CodeRow(String schoolUrn, Dimension dimension, String member, String code, int sessions, int yearToDate) {
    }

    /** How far each school's figures reach. */
    record SchoolYear(String schoolUrn, LocalDate lastWeek, LocalDate asOf, int atRisk) {
    }

    /** An N still in the register, older than the school's cut-off. */
    record StaleUnexplained(long pupilId, String schoolUrn, LocalDate date, Session session) {
    }

    private static final String ROLLUP = "select school_urn, week_start, dimension, member, pupils, possible, attended, "
            + "authorised, unauthorised, late, persistent, severe, ytd_pupils, ytd_possible, ytd_attended, ytd_authorised, "
            + "ytd_unauthorised, ytd_late, ytd_persistent, ytd_severe from dashboard_school_week w";

    private final JdbcTemplate jdbc;

    FigureStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<SchoolYear> schoolYears(List<String> schoolUrns, String academicYear) {
        return jdbc.query("select school_urn, last_week, as_of, at_risk from dashboard_school_year where academic_year = ? "
                        + "and school_urn = any(?)", (rs, i) -> new SchoolYear(rs.getString(1),
                        rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), rs.getInt(4)), academicYear,
                urns(schoolUrns));
    }

    /** Rollup rows of the schools; {@code dimension} null for every dimension, {@code member} null for every member. */
    List<RollupRow> rollup(List<String> schoolUrns, String academicYear, Weeks weeks, Dimension dimension, String member) {
        var sql = new StringBuilder(ROLLUP).append(" where w.academic_year = ? and w.school_urn = any(?)");
        var args = new ArrayList<Object>(List.of(academicYear, urns(schoolUrns)));
        Map<String, LocalDate> latest = weeks instanceof Latest ? latestWeeks(schoolUrns, academicYear) : null;
        if (latest != null && latest.isEmpty()) {
            return List.of();
        }
        weeks(sql, args, weeks, latest);
        dimensionAndMember(sql, args, dimension, member);
        var rows = jdbc.query(sql.toString(), FigureStore::rollupRow, args.toArray());
        return latest == null ? rows : rows.stream().filter(r -> r.weekStart().equals(latest.get(r.schoolUrn()))).toList();
    }

    /** Each school's latest week worked out: read first, so that the rollups are read by index for those weeks only. */
    private Map<String, LocalDate> latestWeeks(List<String> schoolUrns, String academicYear) {
        var latest = new HashMap<String, LocalDate>();
        schoolYears(schoolUrns, academicYear).forEach(y -> latest.put(y.schoolUrn(), y.lastWeek()));
        return latest;
    }

    List<CodeRow> codes(List<String> schoolUrns, String academicYear, Weeks weeks, Dimension dimension, String member) {
        var sql = new StringBuilder("select school_urn, dimension, member, code, sessions, ytd_sessions, week_start "
                + "from dashboard_school_week_code w where w.academic_year = ? and w.school_urn = any(?)");
        var args = new ArrayList<Object>(List.of(academicYear, urns(schoolUrns)));
        Map<String, LocalDate> latest = weeks instanceof Latest ? latestWeeks(schoolUrns, academicYear) : null;
        if (latest != null && latest.isEmpty()) {
            return List.of();
        }
        weeks(sql, args, weeks, latest);
        dimensionAndMember(sql, args, dimension, member);
        var rows = new ArrayList<CodeRow>();
        jdbc.query(sql.toString(), rs -> {
            if (latest == null || rs.getDate(7).toLocalDate().equals(latest.get(rs.getString(1)))) {
                rows.add(new CodeRow(rs.getString(1), Dimension.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6)));
            }
        }, args.toArray());
        return rows;
    }

    /**
     * The pupil weeks from the week of {@code fromMonday} to that of {@code toMonday}, of the schools' pupils, narrowed
     * to some pupils, a year group and pupils in all the given cohorts (0: any), handed over one at a time.
     */
    void pupilWeeks(List<String> schoolUrns, String academicYear, LocalDate fromMonday, LocalDate toMonday,
                    List<Long> pupilIds, Integer yearGroup, int cohorts, Consumer<PupilWeek> each) {
        pupilWeeks(schoolUrns, academicYear, fromMonday, toMonday, pupilIds, yearGroup, cohorts, null, each);
    }

    /** As above, only weeks whose codes contain {@code code} somewhere (the caller checks the sessions). */
    void pupilWeeks(List<String> schoolUrns, String academicYear, LocalDate fromMonday, LocalDate toMonday,
                    List<Long> pupilIds, Integer yearGroup, int cohorts, String code, Consumer<PupilWeek> each) {
        var sql = new StringBuilder("select ").append(AggregateStore.PUPIL_WEEK_COLUMNS)
                .append(" from dashboard_pupil_week where academic_year = ? and school_urn = any(?) and week_start between ? and ?");
        var args = new ArrayList<Object>(List.of(academicYear, urns(schoolUrns), Date.valueOf(fromMonday),
                Date.valueOf(toMonday)));
        narrow(sql, args, pupilIds, yearGroup, cohorts);
        if (code != null) {
            sql.append(" and strpos(codes, ?) > 0");
            args.add(code);
        }
        jdbc.query(sql.toString(), rs -> {
            each.accept(AggregateStore.pupilWeek(rs, 0));
        }, args.toArray());
    }

    /**
     * The pupil weeks starting on any of the given Mondays, of the schools' pupils, narrowed as {@link #pupilWeeks}:
     * a period's figures are the difference of two rows per pupil, so this reads at most a few rows per pupil.
     */
    void pupilWeeksAt(List<String> schoolUrns, String academicYear, java.util.Collection<LocalDate> mondays,
                      List<Long> pupilIds, Integer yearGroup, int cohorts, Consumer<PupilWeek> each) {
        var sql = new StringBuilder("select ").append(AggregateStore.PUPIL_WEEK_COLUMNS)
                .append(" from dashboard_pupil_week where academic_year = ? and school_urn = any(?) and week_start = any(?)");
        var args = new ArrayList<Object>(List.of(academicYear, urns(schoolUrns),
                mondays.stream().map(Date::valueOf).toArray(Date[]::new)));
        narrow(sql, args, pupilIds, yearGroup, cohorts);
        jdbc.query(sql.toString(), rs -> {
            each.accept(AggregateStore.pupilWeek(rs, 0));
        }, args.toArray());
    }

    /**
     * Each pupil of the schools as of their school's latest week (the year to date and the last four school weeks),
     * narrowed to some pupils, a year group and pupils in all the given cohorts (0: any): one row per pupil.
     */
    List<SchoolRollup.PupilRecent> recent(List<String> schoolUrns, String academicYear, List<Long> pupilIds,
                                          Integer yearGroup, int cohorts) {
        var sql = new StringBuilder("select pupil_id, school_urn, year_group, cohorts, ytd_possible, ytd_attended, "
                + "ytd_authorised, ytd_unauthorised, ytd_late, recent_possible, recent_attended, recent_authorised, "
                + "recent_unauthorised, recent_late from dashboard_pupil_recent where academic_year = ? and school_urn = any(?)");
        var args = new ArrayList<Object>(List.of(academicYear, urns(schoolUrns)));
        narrow(sql, args, pupilIds, yearGroup, cohorts);
        return jdbc.query(sql.toString(), (rs, i) -> new SchoolRollup.PupilRecent(rs.getLong(1), rs.getString(2),
                rs.getInt(3), rs.getInt(4), sessions(rs, 5), sessions(rs, 10)), args.toArray());
    }

    private static Sessions sessions(ResultSet rs, int first) throws SQLException {
        return new Sessions(rs.getInt(first), rs.getInt(first + 1), rs.getInt(first + 2), rs.getInt(first + 3),
                rs.getInt(first + 4));
    }

    /**
     * Week by week, the pupils' weeks summed in the database: each week's own figures and the year to date at its
     * end, with the pupils in each band as the rows record them (the calculator's bands, worked out with the rows).
     */
    java.util.SortedMap<LocalDate, Tally[]> weeklyTotals(List<String> schoolUrns, String academicYear, LocalDate toMonday,
                                                        List<Long> pupilIds, Integer yearGroup, int cohorts) {
        var sql = new StringBuilder("""
                select week_start, count(*) filter (where possible > 0), sum(possible), sum(attended), sum(authorised),
                       sum(unauthorised), sum(late), count(*) filter (where week_band >= 1), count(*) filter (where week_band = 2),
                       count(*) filter (where ytd_possible > 0), sum(ytd_possible), sum(ytd_attended), sum(ytd_authorised),
                       sum(ytd_unauthorised), sum(ytd_late), count(*) filter (where ytd_band >= 1),
                       count(*) filter (where ytd_band = 2)
                from dashboard_pupil_week where academic_year = ? and school_urn = any(?) and week_start <= ?""");
        var args = new ArrayList<Object>(List.of(academicYear, urns(schoolUrns), Date.valueOf(toMonday)));
        narrow(sql, args, pupilIds, yearGroup, cohorts);
        sql.append(" group by week_start order by week_start");
        var weeks = new java.util.TreeMap<LocalDate, Tally[]>();
        jdbc.query(sql.toString(), rs -> {
            weeks.put(rs.getDate(1).toLocalDate(), new Tally[] {
                    new Tally(rs.getInt(2), new Sessions(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)),
                            rs.getInt(8), rs.getInt(9)),
                    new Tally(rs.getInt(10), new Sessions(rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14),
                            rs.getInt(15)), rs.getInt(16), rs.getInt(17))});
        }, args.toArray());
        return weeks;
    }

    /**
     * Pupils over a period, each the difference of two of their weekly rows (the year to date at the end week less
     * that before the start week), worked out in the database. {@code pupils} of them have {@code possible} possible
     * sessions and {@code absent} absences each, and {@code sum} is their sessions together; a pupil whose period
     * starts or ends inside a week with marks on the days left out of it comes alone ({@code partial}, {@code pupils}
     * 1), with the codes of those two weeks, for the caller to take those days off.
     */
    record PeriodPupils(boolean partial, int pupils, int possible, int absent, Sessions sum, LocalDate endWeek,
                        String endCodes, String startCodes) {
    }

    /**
     * The pupils of the schools (narrowed to a year group and pupils in all the given cohorts, 0: any) over the period
     * from {@code from} to {@code to}: each pupil's end row is their latest among {@code mondays} (the start week, the
     * end week and the schools' latest weeks between), their start row that of the start week, if they have one. Whole
     * pupils are grouped by their possible sessions and absences (all their band depends on), so a few thousand rows
     * come back for an LA however many pupils it has.
     */
    void periodPupils(List<String> schoolUrns, String academicYear, java.util.Collection<LocalDate> mondays,
                      LocalDate from, LocalDate to, Integer yearGroup, int cohorts, Consumer<PeriodPupils> each) {
        var rows = new StringBuilder("select pupil_id, week_start, codes, possible, attended, authorised, unauthorised, "
                + "late, ytd_possible, ytd_attended, ytd_authorised, ytd_unauthorised, ytd_late from dashboard_pupil_week "
                + "where academic_year = ? and school_urn = any(?) and week_start = any(?)");
        var args = new ArrayList<Object>(List.of(academicYear, urns(schoolUrns),
                mondays.stream().map(Date::valueOf).toArray(Date[]::new)));
        narrow(rows, args, null, yearGroup, cohorts);
        int toDay = to.getDayOfWeek().getValue();
        int fromDay = from.getDayOfWeek().getValue();
        args.add(Date.valueOf(WeekCodes.monday(from)));
        args.add(Date.valueOf(WeekCodes.monday(to)));
        args.add(toDay * 4 + 1);
        args.add((7 - toDay) * 4);
        args.add((fromDay - 1) * 4);
        // A week's codes hold two characters per session, four per day from Monday: the days after the period's end
        // are those from (its day of the week) * 4, the days before its start the first (its day of the week - 1) * 4.
        String sql = """
                with r as (%s),
                e as (select * from r where not exists (select 1 from r later where later.pupil_id = r.pupil_id
                                                        and later.week_start > r.week_start)),
                s as (select * from r where week_start = ?),
                d as (select e.week_start as end_week, e.codes as end_codes, s.codes as start_codes,
                             e.ytd_possible - coalesce(s.ytd_possible - s.possible, 0) as possible,
                             e.ytd_attended - coalesce(s.ytd_attended - s.attended, 0) as attended,
                             e.ytd_authorised - coalesce(s.ytd_authorised - s.authorised, 0) as authorised,
                             e.ytd_unauthorised - coalesce(s.ytd_unauthorised - s.unauthorised, 0) as unauthorised,
                             e.ytd_late - coalesce(s.ytd_late - s.late, 0) as late,
                             (e.week_start = ? and btrim(substr(e.codes, ?, ?)) <> '')
                             or (s.pupil_id is not null and btrim(substr(s.codes, 1, ?)) <> '') as partial
                      from e left join s on s.pupil_id = e.pupil_id)
                select false, count(*), possible, authorised + unauthorised, sum(possible), sum(attended), sum(authorised),
                       sum(unauthorised), sum(late), null::date, null, null
                from d where not partial group by possible, authorised + unauthorised
                union all
                select true, 1, possible, authorised + unauthorised, possible, attended, authorised, unauthorised, late,
                       end_week, end_codes, start_codes
                from d where partial""".formatted(rows);
        jdbc.query(sql, rs -> {
            each.accept(new PeriodPupils(rs.getBoolean(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                    new Sessions(rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)),
                    rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate(), rs.getString(11), rs.getString(12)));
        }, args.toArray());
    }

    /** One code of a school rollup in one week: the week's sessions and the year to date at its end. */
    record CodeWeek(String schoolUrn, LocalDate weekStart, String code, int sessions, int yearToDate) {
    }

    /** The sessions by code of the schools' rollup of one dimension and member in the given weeks. */
    List<CodeWeek> codeWeeks(List<String> schoolUrns, String academicYear, java.util.Collection<LocalDate> mondays,
                             Dimension dimension, String member) {
        return jdbc.query("select school_urn, week_start, code, sessions, ytd_sessions from dashboard_school_week_code "
                        + "where academic_year = ? and school_urn = any(?) and week_start = any(?) and dimension = ? "
                        + "and member = ?", (rs, i) -> new CodeWeek(rs.getString(1), rs.getDate(2).toLocalDate(),
                        rs.getString(3), rs.getInt(4), rs.getInt(5)), academicYear, urns(schoolUrns),
                mondays.stream().map(Date::valueOf).toArray(Date[]::new), dimension.name(), member);
    }

    /** Only the rows of one dimension ({@code null}: every dimension) and one member ({@code null}: every member). */
    private static void dimensionAndMember(StringBuilder sql, List<Object> args, Dimension dimension, String member) {
        if (dimension != null) {
            sql.append(" and w.dimension = ?");
            args.add(dimension.name());
        }
        if (member != null) {
            sql.append(" and w.member = ?");
            args.add(member);
        }
    }

    private static void narrow(StringBuilder sql, List<Object> args, List<Long> pupilIds, Integer yearGroup, int cohorts) {
        if (pupilIds != null) {
            sql.append(" and pupil_id = any(?)");
            args.add(pupilIds.toArray(Long[]::new));
        }
        if (yearGroup != null) {
            sql.append(" and year_group = ?");
            args.add(yearGroup);
        }
        if (cohorts != 0) {
            sql.append(" and cohorts & ? = ?");
            args.add(cohorts);
            args.add(cohorts);
        }
    }

    /**
     * N marks of this academic year older than the five school days the regulations allow: dated before the fifth
     * school day before {@code today} on the school's own calendar (five school days have passed since without a
     * real code). Each school's cut-off is worked out once ({@code materialized}): once the statement is prepared,
     * PostgreSQL's generic plan otherwise worked it out again for every mark, which took over a second for the 1,700
     * pupils of a year group's FSM pupils at LA scale.
     */
    List<StaleUnexplained> staleUnexplained(List<String> schoolUrns, LocalDate today, List<Long> pupilIds) {
        var sql = new StringBuilder("""
                with cutoff as materialized (
                    select school_urn, (array_agg(day order by day desc))[5] as day from dashboard_school_day
                    where school_urn = any(?) and day < ? group by school_urn)
                select m.pupil_id, m.school_urn, m.mark_date, m.session from dashboard_unexplained_mark m
                join cutoff c on c.school_urn = m.school_urn
                where m.school_urn = any(?) and m.mark_date < c.day and m.mark_date >= ?""");
        var args = new ArrayList<Object>(List.of(urns(schoolUrns), Date.valueOf(today), urns(schoolUrns),
                Date.valueOf(AcademicYear.containing(today).firstDay())));
        if (pupilIds != null) {
            // A set to look the marks up in, not an array checked element by element for every mark.
            sql.append(" and m.pupil_id in (select unnest(?::bigint[]))");
            args.add(pupilIds.toArray(Long[]::new));
        }
        sql.append(" order by m.mark_date, m.pupil_id, m.session");
        return jdbc.query(sql.toString(), (rs, i) -> new StaleUnexplained(rs.getLong(1), rs.getString(2),
                rs.getDate(3).toLocalDate(), Session.valueOf(rs.getString(4))), args.toArray());
    }

    /** The number of N marks older than five school days, and of pupils with one. */
    int[] staleUnexplainedCount(List<String> schoolUrns, LocalDate today) {
        return jdbc.query("""
                with cutoff as materialized (
                    select school_urn, (array_agg(day order by day desc))[5] as day from dashboard_school_day
                    where school_urn = any(?) and day < ? group by school_urn)
                select count(*), count(distinct m.pupil_id) from dashboard_unexplained_mark m
                join cutoff c on c.school_urn = m.school_urn
                where m.school_urn = any(?) and m.mark_date < c.day and m.mark_date >= ?""",
                rs -> {
                    rs.next();
                    return new int[] {rs.getInt(1), rs.getInt(2)};
                }, urns(schoolUrns), Date.valueOf(today), urns(schoolUrns),
                Date.valueOf(AcademicYear.containing(today).firstDay()));
    }

    /**
     * Every weekly row of the given pupils, any year, by pupil and week, without the codes (left blank): the sessions
     * are what is asked, and the year's codes by code are the longest part of a row.
     */
    List<PupilWeek> weeksOf(List<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        String columns = AggregateStore.PUPIL_WEEK_COLUMNS.replace("ytd_codes", "''").replace(" codes", " ''");
        return jdbc.query("select " + columns + " from dashboard_pupil_week where pupil_id = any(?) "
                + "order by pupil_id, week_start", AggregateStore::pupilWeek, (Object) pupilIds.toArray(Long[]::new));
    }

    /** Each pupil's N marks this year (unexplained absences), by pupil. */
    Map<Long, Integer> unexplainedByPupil(List<Long> pupilIds, LocalDate from, LocalDate to) {
        var counts = new HashMap<Long, Integer>();
        jdbc.query("select pupil_id, count(*) from dashboard_unexplained_mark where pupil_id = any(?) "
                        + "and mark_date between ? and ? group by pupil_id", rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                }, pupilIds.toArray(Long[]::new), Date.valueOf(from), Date.valueOf(to));
        return counts;
    }

    /**
     * Narrows to the weeks asked for. Each school's latest week is passed as the few distinct weeks themselves (the
     * caller keeps each school's own), not as a subquery per row: PostgreSQL runs that as a filter over every week of
     * every school instead of an index condition, which for 50 schools walks hundreds of thousands of code rows.
     */
    private static void weeks(StringBuilder sql, List<Object> args, Weeks weeks, Map<String, LocalDate> latest) {
        if (weeks instanceof Latest) {
            sql.append(" and w.week_start = any(?)");
            args.add(latest.values().stream().distinct().map(Date::valueOf).toArray(Date[]::new));
        } else if (weeks instanceof At at) {
            sql.append(" and w.week_start = ?");
            args.add(Date.valueOf(at.monday()));
        }
    }

    private static String[] urns(List<String> schoolUrns) {
        return schoolUrns.toArray(String[]::new);
    }

    private static RollupRow rollupRow(ResultSet rs, int i) throws SQLException {
        return new RollupRow(rs.getString(1), rs.getDate(2).toLocalDate(), Dimension.valueOf(rs.getString(3)),
                rs.getString(4), tally(rs, 5), tally(rs, 13));
    }

    private static Tally tally(ResultSet rs, int first) throws SQLException {
        return new Tally(rs.getInt(first), new Sessions(rs.getInt(first + 1), rs.getInt(first + 2), rs.getInt(first + 3),
                rs.getInt(first + 4), rs.getInt(first + 5)), rs.getInt(first + 6), rs.getInt(first + 7));
    }

    static Map<String, Integer> sorted(Map<String, Integer> codes) {
        return new TreeMap<>(codes);
    }
}
