package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** From a register load through the API to the case, its task in the right inbox only, and the task's form. */
@IntegrationTest
class RegisterToTaskTest {

    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    Fixtures.TestSchool school;
    String officer;
    String otherOfficer;
    String laOfficer;
    String upn;

    @BeforeEach
    void setUp() {
        String la = fixtures.newLaCode();
        school = fixtures.school(la);
        var other = fixtures.school(la);
        officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        otherOfficer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(other.urn()), null);
        laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), la);
        upn = fixtures.pupils(school, 1).get(0);
    }

    @Test
    void anUnexplainedAbsenceLoadedThroughTheApiOpensOneCaseWithAContactTaskForThatSchoolOnly() {
        var marks = List.of(
                Map.of("upn", upn, "date", Fixtures.weekdaysAgo(1).toString(), "session", "AM", "code", "N"),
                Map.of("upn", upn, "date", Fixtures.weekdaysAgo(1).toString(), "session", "PM", "code", "N"));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var load = http.withBasicAuth(officer, PASSWORD).exchange("/api/schools/" + school.urn() + "/marks",
                HttpMethod.POST, new HttpEntity<>(marks, headers), MAP);
        assertThat(load.getBody()).containsEntry("accepted", 2);

        await().atMost(Duration.ofSeconds(30)).until(() -> taskKeys(officer).contains("contact-parents"));

        var task = tasks(officer).getBody().stream().filter(t -> t.get("taskKey").equals("contact-parents")).findFirst().orElseThrow();
        assertThat(task).containsEntry("upn", upn).containsEntry("name", "Contact the parents today")
                .containsKeys("stage", "due").containsEntry("assignee", null);
        assertThat(taskKeys(otherOfficer)).doesNotContain("contact-parents");
        assertThat(taskKeys(laOfficer)).doesNotContain("contact-parents");
        assertThat(jdbc.queryForObject("select count(*) from attendance_case c join pupil p on p.id = c.pupil_id where p.upn = ?",
                Integer.class, upn)).isEqualTo(1);

        String id = (String) task.get("id");
        assertThat(http.withBasicAuth(otherOfficer, PASSWORD).exchange("/api/tasks/" + id + "/form", HttpMethod.GET, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(officer, PASSWORD).exchange("/api/tasks/" + id + "/form", HttpMethod.GET, null,
                Map.class).getBody()).containsEntry("id", "first-day-contact");
        assertThat(http.withBasicAuth(officer, PASSWORD).postForEntity("/api/tasks/" + id + "/claim", null, Map.class)
                .getBody()).containsEntry("assignee", officer);

        var bad = complete(officer, id, Map.of("outcome", "MAYBE", "notes", 12, "colour", "blue"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) bad.getBody().get("problems")).extracting(p -> p.get("where"))
                .containsExactlyInAnyOrder("outcome", "notes", "colour");

        var good = complete(officer, id, Map.of("outcome", "REASON_GIVEN", "code", "I", "notes", "Mother: flu"));
        assertThat(good.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        var kase = http.withBasicAuth(officer, PASSWORD).exchange("/api/pupils/" + upn + "/case", HttpMethod.GET, null, MAP).getBody();
        assertThat(kase).containsEntry("status", "OPEN").containsKeys("caseId", "academicYear", "stage", "priority", "openTasks");
        assertThat((List<Map<String, Object>>) kase.get("timeline")).anySatisfy(e -> {
            assertThat(e).containsEntry("kind", "TASK").containsEntry("name", "Completed: Contact the parents today")
                    .containsEntry("actor", officer);
            assertThat((String) e.get("detail")).contains("Mother: flu");
        }).anySatisfy(e -> assertThat(e).containsEntry("kind", "SIGNAL"));
        assertThat(http.withBasicAuth(otherOfficer, PASSWORD).exchange("/api/pupils/" + upn + "/case", HttpMethod.GET, null,
                MAP).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where subject_type = 'case' and subject_id = ?",
                Integer.class, upn)).isEqualTo(1);
    }

    @Test
    void aReasonRecordedAtFirstDayContactAmendsTheNMarksOfThatDayWithWhoAndWhy() {
        String day = Fixtures.weekdaysAgo(1).toString();
        var marks = List.of(Map.of("upn", upn, "date", day, "session", "AM", "code", "N"),
                Map.of("upn", upn, "date", day, "session", "PM", "code", "N"));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth(officer, PASSWORD).exchange("/api/schools/" + school.urn() + "/marks",
                HttpMethod.POST, new HttpEntity<>(marks, headers), MAP).getBody()).containsEntry("accepted", 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> taskKeys(officer).contains("contact-parents"));
        String id = (String) tasks(officer).getBody().stream().filter(t -> t.get("taskKey").equals("contact-parents"))
                .findFirst().orElseThrow().get("id");

        assertThat(complete(officer, id, Map.of("outcome", "REASON_GIVEN", "code", "I", "notes", "Father: tonsillitis"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(jdbc.queryForList("select m.code from session_mark m join pupil p on p.id = m.pupil_id "
                + "where p.upn = ? and m.mark_date = cast(? as date)", String.class, upn, day)).containsExactly("I", "I");
        var amendments = jdbc.queryForList("select a.original_code, a.new_code, a.reason, a.amended_by, a.amended_role, "
                + "a.source from mark_amendment a join pupil p on p.id = a.pupil_id where p.upn = ?", upn);
        assertThat(amendments).hasSize(2).allSatisfy(a -> assertThat(a).containsEntry("original_code", "N")
                .containsEntry("new_code", "I").containsEntry("reason", "First-day contact: Father: tonsillitis")
                .containsEntry("amended_by", officer).containsEntry("amended_role", "ATTENDANCE_OFFICER")
                .containsEntry("source", "CASEWORK"));
    }

    private ResponseEntity<List<Map<String, Object>>> tasks(String user) {
        return http.withBasicAuth(user, PASSWORD).exchange("/api/tasks?upn=" + upn, HttpMethod.GET, null, LIST);
    }

    private List<Object> taskKeys(String user) {
        return tasks(user).getBody().stream().map(t -> t.get("taskKey")).toList();
    }

    private ResponseEntity<Map<String, Object>> complete(String user, String id, Map<String, Object> body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange("/api/tasks/" + id + "/complete", HttpMethod.POST,
                new HttpEntity<>(body, headers), MAP);
    }
}
