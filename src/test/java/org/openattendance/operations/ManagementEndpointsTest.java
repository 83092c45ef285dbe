package org.openattendance.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestTemplate;

/**
 * Health for the load balancer and metrics for Prometheus are on the management port (an address of its own, never
 * the public one); the application's port does not serve them.
 */
@IntegrationTest
class ManagementEndpointsTest {

    @LocalManagementPort
    int managementPort;
    @LocalServerPort
    int applicationPort;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;

    final RestTemplate management = new RestTemplate();

    @Test
    void healthShowsTheDatabaseTheMailServerAndTheEngineAndReadinessCountsOnlyWhatTheNodeNeeds() {
        assertThat(managementPort).isNotEqualTo(applicationPort);
        // The whole picture (DOWN here: no mail server runs for this test), each part on its own.
        var health = http.getRestTemplate().exchange(url("/actuator/health"), org.springframework.http.HttpMethod.GET, null, Map.class);
        assertThat((Map<String, Object>) health.getBody().get("components")).containsKeys("db", "mail", "processEngine", "readinessState");
        assertThat(management.getForObject(url("/actuator/health/db"), Map.class)).containsEntry("status", "UP");

        Map<String, Object> readiness = management.getForObject(url("/actuator/health/readiness"), Map.class);
        assertThat(readiness).containsEntry("status", "UP");
        assertThat((Map<String, Object>) readiness.get("components")).containsOnlyKeys("readinessState", "db", "processEngine");
        assertThat(management.getForObject(url("/actuator/health/liveness"), Map.class)).containsEntry("status", "UP");
    }

    @Test
    void prometheusShowsLoadsRecalculationsSignalsOpenTasksTheOutboxAndIncompleteEvents() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        String upn = fixtures.pupils(school, 1).get(0);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        http.withBasicAuth(officer, PASSWORD).postForEntity("/api/schools/" + school.urn() + "/marks",
                new HttpEntity<>("upn,date,session,code\n" + upn + "," + Fixtures.weekdaysAgo(1) + ",AM,N\n", headers), Map.class);

        String metrics = management.getForObject(url("/actuator/prometheus"), String.class);
        assertThat(metrics).contains("openattendance_register_loads_total{application=\"open-attendance\",outcome=\"stored\"}",
                "openattendance_register_marks_total", "openattendance_snapshots_recalculation_seconds_count",
                "openattendance_signals_total{application=\"open-attendance\",kind=\"UNEXPLAINED_ABSENCE\"}",
                "openattendance_tasks_open", "openattendance_outbox_messages{application=\"open-attendance\",status=\"PENDING\"}",
                "openattendance_events_incomplete", "openattendance_events_stuck", "hikaricp_connections_active");
    }

    @Test
    void theApplicationsOwnPortDoesNotServeHealthOrMetrics() {
        var metrics = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode().value() != 200 || !metrics.getBody().contains("openattendance_")).isTrue();
        var health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().value() != 200 || !health.getBody().contains("components")).isTrue();
    }

    private String url(String path) {
        return "http://localhost:" + managementPort + path;
    }
}
