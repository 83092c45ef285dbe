package org.openattendance.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A load whose database connection breaks during the COPY (the database restarted, the backend terminated) stores
 * nothing and says so: a 503 with the JSON error body, never a 200 an MIS would take for a register taken.
 */
@IntegrationTest
class FailedLoadTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void aConnectionBrokenDuringTheCopyAnswers503WithTheErrorBodyAndStoresNothing() throws Exception {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        List<String> upns = fixtures.pupils(school, 3);
        var csv = new StringBuilder("upn,date,session,code\n");
        for (String upn : upns) {
            csv.append(upn).append(',').append(Fixtures.weekdaysAgo(1)).append(",AM,/\n");
            csv.append(upn).append(',').append(Fixtures.weekdaysAgo(1)).append(",PM,N\n");
        }

        CompletableFuture<ResponseEntity<Map>> load;
        try (Connection blocker = dataSource.getConnection()) {
            // Hold the COPY at its start, then end its connection from the server's side, as a restart would.
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table session_mark in share mode");
            load = CompletableFuture.supplyAsync(() -> {
                var headers = new HttpHeaders();
                headers.setContentType(MediaType.valueOf("text/csv"));
                return http.withBasicAuth(officer, PASSWORD).postForEntity("/api/schools/" + school.urn() + "/marks",
                        new HttpEntity<>(csv.toString(), headers), Map.class);
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> copyBackend() != null);
            jdbc.queryForObject("select pg_terminate_backend(?)", Boolean.class, copyBackend());
            blocker.rollback();
        }

        ResponseEntity<Map> response = load.get(30, TimeUnit.SECONDS);
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(response.getBody()).containsEntry("status", 503);
        assertThat(response.getBody().get("error").toString()).contains("nothing from this request was stored");
        assertThat(jdbc.queryForObject("select count(*) from session_mark m join pupil p on p.id = m.pupil_id "
                + "where p.school_urn = ?", Integer.class, school.urn())).isZero();
    }

    private Integer copyBackend() {
        return jdbc.query("select pid from pg_stat_activity where query ilike 'copy session_mark%' and pid <> pg_backend_pid()",
                rs -> rs.next() ? rs.getInt(1) : null);
    }
}
