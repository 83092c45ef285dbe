package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every read of a pupil's record is audited, whatever the path (task pages and the task API, the paper
 * leave-request page, administrators' engine REST and Cockpit calls), and so is every refused attempt; an
 * administrator searches the trail by pupil and by user.
 */
@IntegrationTest
class AuditTrailTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate template;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTaskShowingThePupilIsAuditedOnThePageAndThroughTheApi() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        String upn = fixtures.pupils(school, 1).get(0);
        leaveRequest(officer, upn);

        var tasks = template.withBasicAuth(officer, PASSWORD).exchange("/api/tasks?upn=" + upn, HttpMethod.GET, null, LIST);
        String taskId = (String) tasks.getBody().get(0).get("id");
        assertThat(reads(officer, upn, "tasks for the pupil%")).isEqualTo(1);

        assertThat(template.withBasicAuth(officer, PASSWORD).getForEntity("/api/tasks/" + taskId + "/form", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reads(officer, upn, "task form")).isEqualTo(1);

        var browser = new SignedInClient(template);
        browser.signIn(officer, PASSWORD);
        var page = browser.get("/tasks/" + taskId);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("sam." + upn.toLowerCase() + "@example.org");
        assertThat(reads(officer, upn, "task page: %")).isEqualTo(1);
    }

    @Test
    void thePaperLeaveRequestPageIsAudited() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        String upn = fixtures.pupils(school, 1).get(0);
        var browser = new SignedInClient(template);
        browser.signIn(officer, PASSWORD);

        var page = browser.get("/pupils/" + upn + "/leave-requests/new");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Sam Parent");
        assertThat(reads(officer, upn, "paper leave request page")).isEqualTo(1);
    }

    @Test
    void refusedAttemptsAreAuditedWithThePupilTheyWereAbout() {
        String la = fixtures.newLaCode();
        var school = fixtures.school(la);
        var otherSchool = fixtures.school(la);
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        String stranger = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(otherSchool.urn()), null);
        String upn = fixtures.pupils(school, 1).get(0);
        leaveRequest(officer, upn);
        String taskId = (String) template.withBasicAuth(officer, PASSWORD)
                .exchange("/api/tasks?upn=" + upn, HttpMethod.GET, null, LIST).getBody().get(0).get("id");
        var browser = new SignedInClient(template);
        browser.signIn(stranger, PASSWORD);
        var api = template.withBasicAuth(stranger, PASSWORD);

        assertThat(browser.get("/pupils/" + upn).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(browser.get("/tasks/" + taskId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.getForEntity("/api/pupils/" + upn + "/marks", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.getForEntity("/api/schools/" + school.urn() + "/pupils", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.getForEntity("/api/pupils/" + fixtures.newUpn() + "/attendance", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(browser.get("/admin/users").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(browser.get("/camunda/app/cockpit/default/").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(api.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(jdbc.queryForList("""
                select detail from audit_event where username = ? and outcome = 'REFUSED' and pupil_upn = ?
                order by id""", String.class, stranger, upn))
                .containsExactly("pupil outside their scope", "task outside their scope", "pupil outside their scope");
        assertThat(jdbc.queryForList("select action || ' ' || subject_id from audit_event where username = ? and outcome = 'REFUSED' "
                + "and pupil_upn is null order by id", String.class, stranger))
                .containsExactly("READ_SCHOOL " + school.urn(), "ADMINISTER admin", "OPEN_PAGE /camunda/app/cockpit/default/",
                        "OPEN_PAGE /engine-rest/task");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and detail = 'no such pupil'",
                Integer.class, stranger)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and outcome = 'ALLOWED' "
                + "and pupil_upn = ?", Integer.class, stranger, upn)).as("nothing was read").isZero();
    }

    @Test
    void administratorsReadsThroughTheEngineRestApiAndCockpitAreAudited() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        String upn = fixtures.pupils(school, 1).get(0);
        leaveRequest(officer, upn);
        String admin = fixtures.admin();

        var tasks = template.withBasicAuth(admin, PASSWORD).getForEntity("/engine-rest/variable-instance?variableName=upn&variableValues=upn_eq_"
                + upn, String.class);
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        var browser = new SignedInClient(template);
        browser.signIn(admin, PASSWORD);
        assertThat(browser.get("/camunda/api/engine/engine/default/process-definition/count").getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(jdbc.queryForList("select detail from audit_event where username = ? and action = 'READ_ENGINE' "
                + "and pupil_upn = ?", String.class, admin, upn)).singleElement().satisfies(detail ->
                assertThat(detail).startsWith("GET /engine-rest/variable-instance?variableName=upn").endsWith("answered 200"));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'READ_ENGINE' "
                + "and subject_id = '/camunda/api/engine/engine/default/process-definition/count'", Integer.class, admin)).isEqualTo(1);
    }

    private void leaveRequest(String officer, String upn) {
        LocalDate day = LocalDate.now().plusDays(7);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        var body = Map.of("upn", upn, "from", Map.of("date", day.toString(), "session", "AM"),
                "to", Map.of("date", day.toString(), "session", "PM"), "reason", "FUNERAL",
                "details", "Paper form handed in at the office", "parentsTravelling", List.of("Sam"));
        assertThat(template.withBasicAuth(officer, PASSWORD).postForEntity("/api/leave-requests", new HttpEntity<>(body),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private int reads(String user, String upn, String detailLike) {
        return jdbc.queryForObject("""
                select count(*) from audit_event where username = ? and action = 'READ_PUPIL' and outcome = 'ALLOWED'
                  and pupil_upn = ? and detail like ?""", Integer.class, user, upn, detailLike);
    }
}
