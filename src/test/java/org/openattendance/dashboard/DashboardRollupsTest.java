package org.openattendance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.register.MarkRow;
import org.openattendance.register.MarkSource;
import org.openattendance.register.Recorder;
import org.openattendance.register.RegisterLoader;
import org.openattendance.school.Cohort;
import org.openattendance.school.PupilRoll;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.ParentData;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.AcademicYear;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rollups that the dashboards read instead of the pupils' rows give exactly what the pupils' rows give: the weekly
 * trend and the breakdowns of a year group within a cohort and of a cohort within another (two filters at once, the
 * Virtual School split by year group or cohort), and the figures of any period (two look-ups per pupil and the schools'
 * code rollups instead of every pupil's codes). Checked on two schools of one LA with a mix of codes, after the first
 * loads, after an amendment of an earlier week, after pupils change cohort and year group, and with a pupil who joined
 * mid-year; and the rollups the refresh after a load writes from the load's week on are those a refresh of the whole
 * year writes, the earlier weeks' rows left as they were.
 */
@IntegrationTest
class DashboardRollupsTest {

    private static final String[] CODES = {"/", "\\", "/", "\\", "L", "U", "I", "M", "O", "G", "N", "Y2", "E", "C"};

    @Autowired
    Fixtures fixtures;
    @Autowired
    SchoolAdministration schools;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    RegisterLoader loader;
    @Autowired
    PupilRoll roll;
    @Autowired
    DashboardAggregates aggregates;
    @Autowired
    Summaries summaries;
    @Autowired
    FigureStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    final Random random = new Random(20261201);
    String la;
    Fixtures.TestSchool schoolA;
    Fixtures.TestSchool schoolB;
    AcademicYear year;
    final List<LocalDate> days = new ArrayList<>();
    final Map<String, PupilData> pupils = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        la = fixtures.newLaCode();
        schoolA = fixtures.school(la);
        schoolB = fixtures.school(la);
        year = AcademicYear.containing(Fixtures.today()).previous();
        for (LocalDate day = year.firstDay(); days.size() < 20; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        List<Set<Cohort>> cohorts = List.of(Set.of(), Set.of(Cohort.FSM), Set.of(Cohort.FSM, Cohort.LOOKED_AFTER),
                Set.of(Cohort.LOOKED_AFTER), Set.of(Cohort.SEN_SUPPORT, Cohort.FSM, Cohort.LOOKED_AFTER),
                Set.of(Cohort.CHILD_IN_NEED), Set.of(Cohort.LOOKED_AFTER, Cohort.EHCP));
        for (int p = 0; p < 14; p++) {
            Fixtures.TestSchool school = p % 3 == 2 ? schoolB : schoolA;
            // The last pupil of each school joined in the third week.
            LocalDate admitted = p >= 12 ? days.get(10) : year.firstDay();
            save(school, fixtures.newUpn(), 7 + p % 3, cohorts.get(p % cohorts.size()), admitted);
        }
    }

    @Test
    void theRollupsGiveWhatThePupilsRowsGiveAfterLoadsAnAmendmentAndChangesOfCohortAndYearGroup() {
        load(schoolA, days.subList(0, 15));
        load(schoolB, days.subList(0, 15));
        awaitRefreshed();
        assertRollupsAgreeWithThePupilsRows();

        // A later load of the second week's marks again (an amendment): the rollups from that week on are rewritten.
        Map<String, String> versions = rollupVersions(schoolA);
        List<String> schoolDays = schoolDayVersions(schoolA);
        LocalDate amendedWeek = WeekCodes.monday(days.get(5));
        load(schoolA, days.subList(5, 7), true);
        awaitRefreshed();
        Map<String, String> after = rollupVersions(schoolA);
        assertThat(after).isNotEmpty();
        versions.forEach((key, version) -> {
            if (LocalDate.parse(key.substring(0, 10)).isBefore(amendedWeek)) {
                assertThat(after.get(key)).as("the rollup row %s before the amended week is kept", key).isEqualTo(version);
            }
        });
        assertThat(after.entrySet()).as("the rollup rows from the amended week on are rewritten")
                .anySatisfy(e -> {
                    assertThat(e.getKey().substring(0, 10)).isEqualTo(amendedWeek.toString());
                    assertThat(e.getValue()).isNotEqualTo(versions.get(e.getKey()));
                });
        assertThat(schoolDayVersions(schoolA)).as("the school's days, its calendar unchanged, are kept").isNotEmpty()
                .isEqualTo(schoolDays);
        assertThat(rollupsOf(schoolA)).as("what the refresh after the load wrote")
                .isEqualTo(rollupsAfterAFullRefresh(schoolA));
        assertRollupsAgreeWithThePupilsRows();

        // The fourth week loaded; then two pupils change cohorts and year group.
        load(schoolA, days.subList(15, 20));
        load(schoolB, days.subList(15, 20));
        awaitRefreshed();
        assertThat(rollupsOf(schoolB)).isEqualTo(rollupsAfterAFullRefresh(schoolB));
        var moved = new ArrayList<>(pupils.entrySet()).subList(0, 2);
        for (var pupil : moved) {
            PupilData was = pupil.getValue();
            save(schoolA, was.upn(), was.yearGroup() + 1, EnumSet.of(Cohort.LOOKED_AFTER, Cohort.CHILD_PROTECTION),
                    was.admissionDate());
        }
        awaitRefreshed();
        // The change's own refresh works out this academic year; these marks are last year's, refreshed as it would.
        aggregates.refresh(schoolA.urn(), moved.stream().map(p -> roll.byUpn(schoolA.urn()).get(p.getKey()).pupilId())
                .toList(), year);
        assertThat(jdbc.queryForObject("select count(*) from dashboard_school_week where school_urn = ? "
                + "and academic_year = ? and dimension = 'COHORT_PAIR' and member = 'LOOKED_AFTER CHILD_PROTECTION'",
                Integer.class, schoolA.urn(), year.toString())).isPositive();
        awaitRefreshed();
        assertRollupsAgreeWithThePupilsRows();
    }

    /** Every scope and filter the dashboards ask for, rollups against the pupils' rows. */
    private void assertRollupsAgreeWithThePupilsRows() {
        List<String> urns = List.of(schoolA.urn(), schoolB.urn());
        List<Scope> scopes = List.of(Scope.la(la, "LA", urns), Scope.school(schoolA.urn(), "A"),
                Scope.virtualSchool(la, "LA", urns));
        var filters = new ArrayList<Filter>(List.of(Filter.NONE));
        for (int yearGroup = 7; yearGroup <= 10; yearGroup++) {
            filters.add(new Filter(yearGroup, null));
        }
        for (Cohort cohort : Cohort.values()) {
            filters.add(new Filter(null, cohort));
            filters.add(new Filter(8, cohort));
            filters.add(new Filter(9, cohort));
        }
        Period wholeYear = new Period(year.firstDay(), year.lastDay());
        for (Scope scope : scopes) {
            for (Filter filter : filters) {
                String what = scope.kind() + " " + filter;
                assertThat(trend(summaries.trend(scope, wholeYear, filter))).as("trend of %s", what)
                        .isEqualTo(rawTrend(scope, filter));
                for (Summaries.Split split : Summaries.Split.values()) {
                    assertThat(tallies(summaries.breakdown(scope, wholeYear, filter, split)))
                            .as("%s split by %s", what, split).isEqualTo(rawBreakdown(scope, wholeYear, filter, split));
                }
            }
            for (Filter filter : List.of(Filter.NONE, new Filter(8, null), new Filter(null, Cohort.FSM))) {
                for (Period period : periods()) {
                    assertThat(summaries.figures(scope, period, filter)).as("%s %s over %s", scope.kind(), filter, period)
                            .isEqualTo(rawFigures(scope, period, filter));
                }
            }
        }
    }

    /** Periods starting and ending on every kind of day: Mondays, mid-week, Fridays, weekends, the year's first day. */
    private List<Period> periods() {
        var periods = new ArrayList<Period>();
        List<LocalDate> ends = List.of(year.firstDay(), days.get(2), days.get(4), days.get(4).plusDays(1),
                days.get(5), days.get(8), days.get(11), days.get(14).plusDays(2), days.get(17), days.get(19),
                days.get(19).plusDays(10));
        for (LocalDate from : ends) {
            for (LocalDate to : ends) {
                if (!to.isBefore(from)) {
                    periods.add(new Period(from, to));
                }
            }
        }
        return periods;
    }

    private Figures rawFigures(Scope scope, Period period, Filter filter) {
        var codes = new TreeMap<String, Integer>();
        Tally tally = Tally.NONE;
        for (var pupil : summaries.pupils(scope, period, filter, codes)) {
            tally = tally.plus(Tally.ofPupil(pupil.sessions()));
        }
        return new Figures(tally, codes);
    }

    private Map<LocalDate, List<Tally>> trend(List<Summaries.WeekFigures> weeks) {
        var byWeek = new TreeMap<LocalDate, List<Tally>>();
        weeks.forEach(w -> byWeek.put(w.monday(), List.of(w.week(), w.yearToDate())));
        return byWeek;
    }

    private Map<LocalDate, List<Tally>> rawTrend(Scope scope, Filter filter) {
        int bits = (scope.cohort() == null ? 0 : CohortFlags.bit(scope.cohort()))
                | (filter.cohort() == null ? 0 : CohortFlags.bit(filter.cohort()));
        var byWeek = new TreeMap<LocalDate, List<Tally>>();
        store.weeklyTotals(scope.schoolUrns(), year.toString(), WeekCodes.monday(year.lastDay()), null,
                filter.yearGroup(), bits).forEach((monday, both) -> byWeek.put(monday, List.of(both)));
        return byWeek;
    }

    private Map<String, Tally> rawBreakdown(Scope scope, Period period, Filter filter, Summaries.Split split) {
        var groups = new TreeMap<String, Tally>();
        for (var pupil : summaries.pupilsAt(scope, period, filter)) {
            Tally one = Tally.ofPupil(pupil.sessions());
            switch (split) {
                case SCHOOL -> groups.merge(pupil.schoolUrn(), one, Tally::plus);
                case YEAR -> groups.merge(Integer.toString(pupil.yearGroup()), one, Tally::plus);
                case COHORT -> CohortFlags.in(pupil.cohorts()).forEach(c -> groups.merge(c.name(), one, Tally::plus));
            }
        }
        return groups;
    }

    private static Map<String, Tally> tallies(Map<String, Figures> figures) {
        var tallies = new TreeMap<String, Tally>();
        figures.forEach((key, f) -> tallies.put(key, f.tally()));
        return tallies;
    }

    private void save(Fixtures.TestSchool school, String upn, int yearGroup, Set<Cohort> cohorts, LocalDate admitted) {
        var data = new PupilData(upn, "Pupil", "Rollup" + upn.substring(9), LocalDate.of(2012, 5, 6), yearGroup, admitted,
                cohorts, null, List.of(new ParentData("Sam Parent", "Mother", true, true, null, "07700 900000",
                "1 High Street")));
        schools.savePupils(school.urn(), List.of(data));
        pupils.put(upn, data);
    }

    /** Marks of every pupil of the school on the given days, codes drawn at random (most present); an amendment gives a reason. */
    private void load(Fixtures.TestSchool school, List<LocalDate> loadDays) {
        load(school, loadDays, false);
    }

    private void load(Fixtures.TestSchool school, List<LocalDate> loadDays, boolean amendment) {
        var rows = new ArrayList<MarkRow>();
        var onRoll = roll.byUpn(school.urn());
        for (var pupil : pupils.values()) {
            if (!onRoll.containsKey(pupil.upn())) {
                continue;
            }
            for (LocalDate day : loadDays) {
                if (day.isBefore(pupil.admissionDate())) {
                    continue;
                }
                for (String session : List.of("AM", "PM")) {
                    String code = CODES[random.nextInt(CODES.length)];
                    rows.add(new MarkRow(rows.size() + 1, pupil.upn(), day.toString(), session, code,
                            "U".equals(code) || "L".equals(code) ? "20" : null, amendment ? "Corrected after a call home" : null));
                }
            }
        }
        var found = directory.school(school.urn()).orElseThrow();
        var result = new TransactionTemplate(transactions).execute(t -> loader.load(found, rows,
                new Recorder("test", "ATTENDANCE_OFFICER", MarkSource.API), Fixtures.today()));
        assertThat(result.rejected()).isEmpty();
    }

    /** Until the dashboard's listener has handled every change of both schools. */
    private void awaitRefreshed() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from event_publication "
                + "where completion_date is null and listener_id like '%RefreshAfterChanges%' and (serialized_event like ? "
                + "or serialized_event like ?)", Long.class, "%" + schoolA.urn() + "%", "%" + schoolB.urn() + "%") == 0);
    }

    /** Each rollup row of the school with its row version (PostgreSQL's xmin: changes when the row is written). */
    private Map<String, String> rollupVersions(Fixtures.TestSchool school) {
        var versions = new HashMap<String, String>();
        jdbc.query("select week_start, dimension, member, xmin::text from dashboard_school_week where school_urn = ? "
                + "and academic_year = ?", rs -> {
                    versions.put(rs.getDate(1).toLocalDate() + " " + rs.getString(2) + " " + rs.getString(3),
                            rs.getString(4));
                }, school.urn(), year.toString());
        return versions;
    }

    /** The school's days with their row versions, in date order. */
    private List<String> schoolDayVersions(Fixtures.TestSchool school) {
        return jdbc.queryForList("select day || ' ' || xmin::text from dashboard_school_day where school_urn = ? "
                + "order by day", String.class, school.urn());
    }

    /** The school's rollup and code rows, every column but the row version. */
    private List<Map<String, Object>> rollupsOf(Fixtures.TestSchool school) {
        var rows = new ArrayList<Map<String, Object>>(jdbc.queryForList("select * from dashboard_school_week "
                + "where school_urn = ? and academic_year = ? order by week_start, dimension, member", school.urn(),
                year.toString()));
        rows.addAll(jdbc.queryForList("select * from dashboard_school_week_code where school_urn = ? and academic_year = ? "
                + "order by week_start, dimension, member, code", school.urn(), year.toString()));
        return rows;
    }

    private List<Map<String, Object>> rollupsAfterAFullRefresh(Fixtures.TestSchool school) {
        aggregates.refreshSchool(school.urn(), year);
        return rollupsOf(school);
    }
}
