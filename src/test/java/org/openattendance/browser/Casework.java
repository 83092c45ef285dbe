package org.openattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test data through the application's own API, as a school's system would send it: a day of unexplained
 * absence (N in both sessions), which opens a case with a first-day contact task for the school's officers.
 */
@Component
final class Casework {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    /** Only the integration tests' context (on a random port) has one; the demo's and the benchmarks' contexts do not. */
    private final ObjectProvider<TestRestTemplate> http;
    private final JdbcTemplate jdbc;

    Casework(ObjectProvider<TestRestTemplate> http, JdbcTemplate jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    /** Loads a day of N marks for the pupil and answers the id of the contact task it opens, once the case has settled. */
    String unexplainedAbsence(String officer, String urn, String upn) {
        Instant started = Instant.now().minusSeconds(1);
        String day = Fixtures.weekdaysAgo(1).toString();
        var marks = List.of(Map.of("upn", upn, "date", day, "session", "AM", "code", "N"),
                Map.of("upn", upn, "date", day, "session", "PM", "code", "N"));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.getObject().withBasicAuth(officer, PASSWORD).exchange("/api/schools/" + urn + "/marks", HttpMethod.POST,
                new HttpEntity<>(marks, headers), MAP).getBody()).containsEntry("accepted", 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> contactTask(officer, upn).isPresent());
        // The load's events may still be moving the case: wait until every one since the load is handled.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null and publication_date >= ?",
                Integer.class, Timestamp.from(started)) == 0);
        return contactTask(officer, upn).orElseThrow();
    }

    /** The pupil's register codes on a day, AM then PM, read through the API as the officer. */
    @SuppressWarnings("unchecked")
    List<String> codes(String officer, String upn, String day) {
        var body = http.getObject().withBasicAuth(officer, PASSWORD).exchange("/api/pupils/" + upn + "/marks?from=" + day + "&to=" + day,
                HttpMethod.GET, null, MAP).getBody();
        return ((List<Map<String, Object>>) body.get("marks")).stream().map(m -> (String) m.get("code")).toList();
    }

    /** The reasons of the pupil's amendments on a day, read through the API as the officer. */
    @SuppressWarnings("unchecked")
    List<String> amendmentReasons(String officer, String upn, String day) {
        var body = http.getObject().withBasicAuth(officer, PASSWORD).exchange("/api/pupils/" + upn + "/marks?from=" + day + "&to=" + day,
                HttpMethod.GET, null, MAP).getBody();
        return ((List<Map<String, Object>>) body.get("marks")).stream()
                .flatMap(m -> ((List<Map<String, Object>>) m.get("amendments")).stream())
                .map(a -> (String) a.get("reason")).toList();
    }

    private Optional<String> contactTask(String user, String upn) {
        return http.getObject().withBasicAuth(user, PASSWORD).exchange("/api/tasks?upn=" + upn, HttpMethod.GET, null, LIST).getBody()
                .stream().filter(t -> "contact-parents".equals(t.get("taskKey"))).map(t -> (String) t.get("id")).findFirst();
    }
}
