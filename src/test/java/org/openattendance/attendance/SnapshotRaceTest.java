package org.openattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.openattendance.support.RegisterUploads;
import org.openattendance.support.SignalLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recalculations of one pupil's snapshot that overlap (two loads close together, two nodes) never leave the
 * snapshot older than the marks, and a threshold crossed once is signalled once: the reproduction, a row
 * lock held during one recalculation while a newer one runs.
 */
@IntegrationTest
class SnapshotRaceTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    AttendanceSnapshots snapshots;
    @Autowired
    SignalLog log;

    Fixtures.TestSchool school;
    String officer;
    String first;
    String second;
    long firstId;
    long secondId;

    @BeforeEach
    void setUp() {
        school = fixtures.school(fixtures.newLaCode());
        officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        List<String> upns = fixtures.pupils(school, 2);
        first = upns.get(0);
        second = upns.get(1);
        firstId = idOf(first);
        secondId = idOf(second);
        assertThat(firstId).isLessThan(secondId);
    }

    @Test
    void anOlderRecalculationHeldUpBehindALockNeverOverwritesANewerSnapshotAndTheThresholdIsSignalledOnce() throws Exception {
        // Seven weekdays present for both pupils (the fixture's closed day, 3 weekdays ago, is later).
        var present = new StringBuilder("upn,date,session,code\n");
        for (int n = 12; n >= 6; n--) {
            for (String upn : List.of(first, second)) {
                present.append(mark(upn, Fixtures.weekdaysAgo(n), "AM", "/")).append(mark(upn, Fixtures.weekdaysAgo(n), "PM", "\\"));
            }
        }
        postCsv(present.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> possible(second) == 14 && possible(first) == 14);

        CompletableFuture<Integer> older;
        try (Connection holder = dataSource.getConnection()) {
            // Another transaction holds the first pupil's snapshot row, as a slow recalculation on another node would.
            holder.setAutoCommit(false);
            holder.createStatement().execute("select * from attendance_snapshot where pupil_id = " + firstId + " for update");

            // A recalculation of both pupils (as after a whole-school load) starts now and is held up by that lock.
            older = CompletableFuture.supplyAsync(() -> snapshots.recalculate(List.of(firstId, secondId)));
            await().atMost(Duration.ofSeconds(20)).until(this::aRecalculationWaitsForALock);

            // Meanwhile two days of unexplained absence for the second pupil are loaded and recalculated.
            postCsv("upn,date,session,code\n" + mark(second, Fixtures.weekdaysAgo(5), "AM", "N")
                    + mark(second, Fixtures.weekdaysAgo(5), "PM", "N") + mark(second, Fixtures.weekdaysAgo(4), "AM", "N")
                    + mark(second, Fixtures.weekdaysAgo(4), "PM", "N"));
            await().atMost(Duration.ofSeconds(30)).until(() -> possible(second) == 18);
            assertThat(snapshot(second)).containsEntry("attended", 14).containsEntry("band", "PERSISTENT");

            holder.rollback();
        }
        older.get(30, TimeUnit.SECONDS);

        // The held-up recalculation finished last; the snapshot still shows the marks as they are: 14 of 18 sessions.
        assertThat(snapshot(second)).containsEntry("possible", 18).containsEntry("attended", 14)
                .containsEntry("unauthorised", 4).containsEntry("band", "PERSISTENT");
        assertThat(snapshot(second).get("attendance_percent").toString()).isEqualTo("77.8");
        assertThat(snapshot(first)).containsEntry("possible", 14).containsEntry("attended", 14);

        // The next load finds the pupil still below 95 %: no second "below the letter threshold" crossing.
        postCsv("upn,date,session,code\n" + mark(second, Fixtures.weekdaysAgo(2), "AM", "/")
                + mark(second, Fixtures.weekdaysAgo(2), "PM", "\\") + mark(second, Fixtures.weekdaysAgo(1), "AM", "/")
                + mark(second, Fixtures.weekdaysAgo(1), "PM", "\\"));
        await().atMost(Duration.ofSeconds(30)).until(() -> possible(second) == 22);
        assertThat(kinds(second, SignalKind.BELOW_ATTENDANCE_THRESHOLD)).hasSize(1);
        assertThat(kinds(second, SignalKind.PERSISTENT_ABSENCE)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from attendance_signal_crossing where pupil_id = ? and kind = ?",
                Integer.class, secondId, SignalKind.BELOW_ATTENDANCE_THRESHOLD.name())).isEqualTo(1);
    }

    @Test
    void aThresholdCrossingIsSignalledOnceEvenWhenASnapshotIsRecalculatedFromAnOlderState() {
        LocalDate day = Fixtures.weekdaysAgo(1);
        postCsv("upn,date,session,code\n" + mark(first, day, "AM", "N") + mark(first, day, "PM", "N"));
        await().atMost(Duration.ofSeconds(30)).until(() -> possible(first) == 2);
        assertThat(kinds(first, SignalKind.BELOW_ATTENDANCE_THRESHOLD)).hasSize(1);

        // Whatever wrote it (a restore, a bug, a recalculation before this fix), a snapshot from before the absence...
        jdbc.update("update attendance_snapshot set possible = 2, attended = 2, unauthorised = 0, attendance_percent = 100.0, "
                + "band = 'NONE', unexplained_streak_days = 0 where pupil_id = ?", firstId);
        // ...makes the next recalculation see the same crossing again: it is recorded already, so it is not signalled.
        snapshots.recalculate(List.of(firstId));

        assertThat(snapshot(first)).containsEntry("band", "SEVERE");
        assertThat(kinds(first, SignalKind.BELOW_ATTENDANCE_THRESHOLD)).hasSize(1);
        assertThat(kinds(first, SignalKind.SEVERE_ABSENCE)).hasSize(1);
        assertThat(kinds(first, SignalKind.UNEXPLAINED_ABSENCE)).hasSize(1);
    }

    private boolean aRecalculationWaitsForALock() {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                + "and query like '%attendance_snapshot%'", Integer.class) > 0;
    }

    private List<AttendanceSignal> kinds(String upn, SignalKind kind) {
        return log.forPupil(upn).stream().filter(signal -> signal.kind() == kind).toList();
    }

    private long idOf(String upn) {
        return jdbc.queryForObject("select id from pupil where upn = ?", Long.class, upn);
    }

    private int possible(String upn) {
        Map<String, Object> snapshot = snapshot(upn);
        return snapshot == null ? -1 : (Integer) snapshot.get("possible");
    }

    private Map<String, Object> snapshot(String upn) {
        var rows = jdbc.queryForList("select s.* from attendance_snapshot s join pupil p on p.id = s.pupil_id where p.upn = ?", upn);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static String mark(String upn, LocalDate date, String session, String code) {
        return upn + "," + date + "," + session + "," + code + "\n";
    }

    private void postCsv(String csv) {
        RegisterUploads.load(http, officer, school.urn(), csv);
    }
}
