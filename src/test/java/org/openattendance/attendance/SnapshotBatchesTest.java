package org.openattendance.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.openattendance.support.RegisterUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A recalculation of more pupils than one batch works through every batch (several at a time, each in its own
 * transaction) and answers how many pupils it recalculated.
 */
@IntegrationTest
class SnapshotBatchesTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AttendanceSnapshots snapshots;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyBatchOfARecalculationIsWorkedOutAndWritten() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        List<String> upns = fixtures.pupils(school, 7);
        LocalDate day = Fixtures.weekdaysAgo(1);
        var csv = new StringBuilder("upn,date,session,code\n");
        for (int i = 0; i < upns.size(); i++) {
            // Pupil i attended the morning; the odd ones missed the afternoon without a reason.
            csv.append(upns.get(i)).append(',').append(day).append(",AM,/\n");
            csv.append(upns.get(i)).append(',').append(day).append(",PM,").append(i % 2 == 1 ? "N" : "\\").append('\n');
        }
        RegisterUploads.load(http, officer, school.urn(), csv.toString());
        List<Long> ids = upns.stream().map(this::idOf).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> upns.stream().allMatch(upn -> possible(upn) == 2));

        // Whatever made them stale, the snapshots are wrong now...
        makeStale(ids);

        // ...and a recalculation in batches of two (four batches, several at a time) puts every one of them right.
        assertThat(snapshots.recalculate(ids, 2)).isEqualTo(7);
        assertRight(upns);

        // Inside a caller's transaction (as in an event listener) the batches join it, one after the other.
        makeStale(ids);
        Integer inTransaction = new TransactionTemplate(transactions).execute(status -> snapshots.recalculate(ids, 2));
        assertThat(inTransaction).isEqualTo(7);
        assertRight(upns);
    }

    private void makeStale(List<Long> ids) {
        jdbc.update("update attendance_snapshot set possible = 0, attended = 0, unauthorised = 0, attendance_percent = null "
                + "where pupil_id in (" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")");
    }

    private void assertRight(List<String> upns) {
        for (int i = 0; i < upns.size(); i++) {
            Map<String, Object> snapshot = snapshot(upns.get(i));
            assertThat(snapshot).as(upns.get(i)).containsEntry("possible", 2)
                    .containsEntry("attended", i % 2 == 1 ? 1 : 2).containsEntry("unauthorised", i % 2 == 1 ? 1 : 0);
        }
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
}
