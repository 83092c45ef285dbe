package org.openattendance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.register.MarkRow;
import org.openattendance.register.MarkSource;
import org.openattendance.register.Recorder;
import org.openattendance.register.RegisterLoader;
import org.openattendance.school.PupilRoll;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.AcademicYear;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a register load the dashboard rewrites the loaded pupils' weekly rows from the load's first week on and keeps
 * the earlier weeks' rows (a Monday morning's load rewrites one week per pupil, not the year), with exactly the rows a
 * refresh of the whole year gives. In the last academic year, whose rows run to its last week.
 */
@IntegrationTest
class DashboardAfterLoadTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    RegisterLoader loader;
    @Autowired
    PupilRoll roll;
    @Autowired
    DashboardAggregates aggregates;
    @Autowired
    AggregateStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    Fixtures.TestSchool school;
    List<String> upns;
    AcademicYear year;
    List<LocalDate> days = new ArrayList<>();

    @BeforeEach
    void setUp() {
        school = fixtures.school(fixtures.newLaCode());
        upns = fixtures.pupils(school, 4);
        year = AcademicYear.containing(Fixtures.today()).previous();
        for (LocalDate day = year.firstDay(); days.size() < 15; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
    }

    @Test
    void aLoadOfLaterDaysRewritesOnlyTheirWeeksAndAgreesWithARefreshOfTheWholeYear() {
        List<String> first = upns.subList(0, 3);
        load(first, days.subList(0, 10), Map.of());
        awaitRefreshed();
        Map<String, String> versionsBefore = rowVersions(upns.get(0));
        LocalDate loadedFrom = days.get(10);
        LocalDate fromWeek = WeekCodes.monday(loadedFrom);
        assertThat(fromWeek).isAfter(WeekCodes.monday(days.get(0)));

        // The third school week: the third pupil absent (O) all of its third day.
        load(first, days.subList(10, 15), Map.of(upns.get(2), days.get(12)));
        awaitRefreshed();

        Map<String, String> versionsAfter = rowVersions(upns.get(0));
        assertThat(versionsAfter.keySet()).isEqualTo(versionsBefore.keySet());
        versionsBefore.forEach((week, version) -> {
            if (LocalDate.parse(week).isBefore(fromWeek)) {
                assertThat(versionsAfter.get(week)).as("the row of the week of %s is kept", week).isEqualTo(version);
            } else {
                assertThat(versionsAfter.get(week)).as("the row of the week of %s is rewritten", week).isNotEqualTo(version);
            }
        });
        PupilWeek third = rows().stream().filter(r -> r.pupilId() == id(upns.get(2)) && r.weekStart().equals(fromWeek))
                .findFirst().orElseThrow();
        assertThat(third.week().unauthorised()).isEqualTo(2);
        assertThat(third.yearToDate().possible()).isEqualTo(30);
        assertThat(third.yearToDate().unauthorised()).isEqualTo(2);

        List<PupilWeek> partial = rows();
        aggregates.refresh(school.urn(), ids(first), year);
        assertThat(rows()).isEqualTo(partial);
    }

    @Test
    void aPupilWithoutEarlierRowsGetsTheWholeYear() {
        load(upns.subList(0, 2), days.subList(0, 10), Map.of());
        awaitRefreshed();

        // The fourth pupil's first marks come in the third week: their rows start at the beginning of the year.
        load(List.of(upns.get(0), upns.get(3)), days.subList(10, 15), Map.of());
        awaitRefreshed();

        List<PupilWeek> fourth = rows().stream().filter(r -> r.pupilId() == id(upns.get(3))).toList();
        assertThat(fourth.get(0).weekStart()).isEqualTo(WeekCodes.monday(days.get(0)));
        assertThat(fourth.stream().filter(r -> r.weekStart().equals(WeekCodes.monday(days.get(10)))).findFirst()
                .orElseThrow().yearToDate().possible()).isEqualTo(10);
        List<PupilWeek> afterLoads = rows();
        aggregates.refresh(school.urn(), ids(List.of(upns.get(0), upns.get(3))), year);
        assertThat(rows()).isEqualTo(afterLoads);
    }

    private void load(List<String> pupils, List<LocalDate> loadDays, Map<String, LocalDate> absentOn) {
        var rows = new ArrayList<MarkRow>();
        for (String upn : pupils) {
            for (LocalDate day : loadDays) {
                boolean absent = day.equals(absentOn.get(upn));
                rows.add(new MarkRow(rows.size() + 1, upn, day.toString(), "AM", absent ? "O" : "/", null, null));
                rows.add(new MarkRow(rows.size() + 1, upn, day.toString(), "PM", absent ? "O" : "\\", null, null));
            }
        }
        var school = directory.school(this.school.urn()).orElseThrow();
        var result = new TransactionTemplate(transactions).execute(t -> loader.load(school, rows,
                new Recorder("test", "ATTENDANCE_OFFICER", MarkSource.API), Fixtures.today()));
        assertThat(result.accepted()).isEqualTo(rows.size());
    }

    /** Until the dashboard's listener has handled every load of the school. */
    private void awaitRefreshed() {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from event_publication "
                + "where completion_date is null and listener_id like '%RefreshAfterChanges%' and serialized_event like ?",
                Long.class, "%" + school.urn() + "%") == 0 && !rows().isEmpty());
    }

    private List<PupilWeek> rows() {
        return store.pupilWeeks(school.urn(), year.toString());
    }

    /** Each week's row of the pupil, with its row version (PostgreSQL's xmin: changes when the row is written). */
    private Map<String, String> rowVersions(String upn) {
        var versions = new HashMap<String, String>();
        jdbc.query("select week_start, xmin::text from dashboard_pupil_week where pupil_id = ? and academic_year = ?",
                rs -> {
                    versions.put(rs.getDate(1).toLocalDate().toString(), rs.getString(2));
                }, id(upn), year.toString());
        return versions;
    }

    private long id(String upn) {
        return roll.byUpn(school.urn()).get(upn).pupilId();
    }

    private List<Long> ids(List<String> pupils) {
        return pupils.stream().map(this::id).toList();
    }
}
