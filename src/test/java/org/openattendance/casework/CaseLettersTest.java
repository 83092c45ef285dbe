package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** A letter step of the case, completed through the task API, ends in a letter issued by the notification module. */
@IntegrationTest
class CaseLettersTest {

    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    CaseProcessSupport cases;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LetterRequests letters;

    @Test
    void theReviewedBelow95LetterIsIssuedOnceWithTheContactFromTheForm() {
        var c = cases.openCase();
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(c.schoolUrn()), null);
        cases.send(c, "BelowAttendanceThreshold", "attendancePercent", "92.1");
        String id = (String) http.withBasicAuth(officer, PASSWORD).exchange("/api/tasks?upn=" + c.upn(), HttpMethod.GET,
                null, LIST).getBody().stream().filter(t -> "review-letter".equals(t.get("taskKey"))).findFirst()
                .orElseThrow().get("id");

        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var done = http.withBasicAuth(officer, PASSWORD).exchange("/api/tasks/" + id + "/complete", HttpMethod.POST,
                new HttpEntity<>(Map.of("letterDecision", "SEND", "contactName", "Mrs Okafor", "contactPhone",
                        "0161 496 0000"), headers), Map.class);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        var request = letters.of(c.caseId()).get(0);
        assertThat(request.templateKey()).isEqualTo("below-95-percent");
        assertThat(request.fields()).containsEntry("contactName", "Mrs Okafor").containsEntry("contactPhone", "0161 496 0000")
                .containsEntry("attendancePercent", "92.1");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from letter where step_key = ?", Integer.class, request.stepKey()) == 1);
        assertThat(jdbc.queryForObject("select template_key from letter where step_key = ?", String.class,
                request.stepKey())).isEqualTo("below-95-percent");
    }
}
