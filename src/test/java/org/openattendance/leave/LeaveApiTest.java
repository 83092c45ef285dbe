package org.openattendance.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The leave-request API: staff entering requests, reading them, scope and bad input. */
@IntegrationTest
class LeaveApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LeaveTestSupport leave;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SchoolAdministration schools;

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Test
    void theSchoolEntersAPaperRequestReadsItAndFindsTheOfficeTaskWithThePupil() {
        var f = leave.family();
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(f.urn()), null);
        LocalDate from = LeaveTestSupport.weekdaysAhead(10);

        var made = post(officer, body(f.upn(), from, "AM", from.plusDays(1), "PM", "FUNERAL"));

        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(made.getBody()).containsEntry("status", "SUBMITTED").containsKey("id");
        String id = (String) made.getBody().get("id");
        var read = http.withBasicAuth(officer, PASSWORD).getForEntity("/api/leave-requests/" + id, Map.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("upn", f.upn()).containsEntry("reason", "FUNERAL")
                .containsEntry("channel", "API").containsEntry("afterTheFact", false);
        var listed = http.withBasicAuth(officer, PASSWORD).exchange("/api/pupils/" + f.upn() + "/leave-requests",
                HttpMethod.GET, null, LIST);
        assertThat(listed.getBody()).extracting(r -> r.get("id")).containsExactly(id);
        var tasks = http.withBasicAuth(officer, PASSWORD).exchange("/api/tasks?upn=" + f.upn(), HttpMethod.GET, null, LIST);
        assertThat(tasks.getBody()).singleElement().satisfies(t -> {
            assertThat(t).containsEntry("taskKey", "check-request").containsEntry("upn", f.upn());
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and subject_type = 'leave-request'",
                Integer.class, officer)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void weekdaysOutsideTermAreFlaggedAndOnlySchoolSessionsCount() {
        var f = leave.family();
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(f.urn()), null);
        LocalDate from = LeaveTestSupport.weekdaysAhead(10);
        LocalDate gap = LeaveTestSupport.weekdaysAhead(11);
        LocalDate to = LeaveTestSupport.weekdaysAhead(12);
        var year = org.openattendance.shared.AcademicYear.containing(from);
        schools.saveCalendar(f.urn(), year, new SchoolAdministration.CalendarData(List.of(
                new SchoolAdministration.TermData(year.firstDay(), gap.minusDays(1)),
                new SchoolAdministration.TermData(gap.plusDays(1), year.lastDay())), List.of()));

        String id = (String) post(officer, body(f.upn(), from, "AM", to, "PM", "FUNERAL")).getBody().get("id");

        var read = http.withBasicAuth(officer, PASSWORD).getForObject("/api/leave-requests/" + id, Map.class);
        assertThat(read.get("weekdaysOutOfTerm")).isEqualTo(List.of(gap.toString()));
        assertThat(read.get("schoolSessions")).isEqualTo(4);
    }

    @Test
    void staffOfAnotherSchoolGetNotFoundAndCreateNothing() {
        var f = leave.family();
        var other = fixtures.school(f.laCode());
        String stranger = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(other.urn()), null);
        LocalDate from = LeaveTestSupport.weekdaysAhead(10);

        var made = post(stranger, body(f.upn(), from, "AM", from, "PM", "FUNERAL"));
        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(stranger, PASSWORD).getForEntity("/api/pupils/" + f.upn() + "/leave-requests",
                Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(f.urn()), null);
        String id = (String) post(officer, body(f.upn(), from, "AM", from, "PM", "FUNERAL")).getBody().get("id");
        assertThat(http.withBasicAuth(stranger, PASSWORD).getForEntity("/api/leave-requests/" + id, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(stranger, PASSWORD).postForEntity("/api/leave-requests/" + id + "/withdraw", null,
                Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from leave_request where upn = ?", Integer.class, f.upn())).isEqualTo(1);
    }

    @Test
    void badInputIsAnsweredWithWhatIsWrongAndStoresNothing() {
        var f = leave.family();
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(f.urn()), null);
        LocalDate future = LeaveTestSupport.weekdaysAhead(10);

        var past = post(officer, body(f.upn(), Fixtures.weekdaysAgo(2), "AM", future, "PM", "FAMILY_HOLIDAY"));
        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problems(past)).containsKey("from.date");

        var backwards = post(officer, body(f.upn(), future, "AM", future.minusDays(1), "PM", "FAMILY_HOLIDAY"));
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problems(backwards).get("to")).contains("end is before the start");

        var sameDayBackwards = post(officer, body(f.upn(), future, "PM", future, "AM", "FAMILY_HOLIDAY"));
        assertThat(problems(sameDayBackwards)).containsKey("to");

        var unknownReason = post(officer, body(f.upn(), future, "AM", future, "PM", "SKIING"));
        assertThat(problems(unknownReason)).containsKey("reason");

        var saturday = future.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY));
        var weekend = post(officer, body(f.upn(), saturday, "AM", saturday.plusDays(1), "PM", "FAMILY_HOLIDAY"));
        assertThat(problems(weekend).get("from")).contains("not open");

        jdbc.update("update pupil set deletion_date = ? where upn = ?", Fixtures.weekdaysAgo(1), f.upn());
        var offRoll = post(officer, body(f.upn(), future, "AM", future, "PM", "FUNERAL"));
        assertThat(offRoll.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problems(offRoll).get("upn")).contains("not on roll");

        assertThat(jdbc.queryForObject("select count(*) from leave_request where upn = ?", Integer.class, f.upn())).isZero();
    }

    @Test
    void theSchoolWithdrawsARequestBeforeTheDecisionButNotTwice() {
        var f = leave.family();
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(f.urn()), null);
        LocalDate from = LeaveTestSupport.weekdaysAhead(10);
        String id = (String) post(officer, body(f.upn(), from, "AM", from, "PM", "WEDDING")).getBody().get("id");

        var withdrawn = http.withBasicAuth(officer, PASSWORD).postForEntity("/api/leave-requests/" + id + "/withdraw", null, Map.class);
        assertThat(withdrawn.getBody()).containsEntry("status", "WITHDRAWN");
        var again = http.withBasicAuth(officer, PASSWORD).postForEntity("/api/leave-requests/" + id + "/withdraw", null, Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        var tasks = http.withBasicAuth(officer, PASSWORD).exchange("/api/tasks?upn=" + f.upn(), HttpMethod.GET, null, LIST);
        assertThat(tasks.getBody()).isEmpty();
    }

    @Test
    void aPartGrantOutsideTheRequestedDaysIsABadRequestAndTheTaskStaysOpen() {
        var f = leave.family();
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(f.urn()), null);
        String head = fixtures.user(Role.HEADTEACHER, Set.of(f.urn()), null);
        LocalDate from = LeaveTestSupport.weekdaysAhead(10);
        post(officer, body(f.upn(), from, "AM", from, "PM", "WEDDING"));
        complete(officer, "check-request", Map.of("fromParentLivingWithPupil", "YES", "complete", "YES"));

        var answer = complete(head, "decide", Map.of("decision", "GRANT_PART", "grantedFrom", from.minusDays(7).toString(),
                "grantedTo", from.toString(), "decisionReasons", "One day only."));

        assertThat(problems(answer)).containsKey("grantedTo");
        var tasks = http.withBasicAuth(head, PASSWORD).exchange("/api/tasks?upn=" + f.upn(), HttpMethod.GET, null, LIST);
        assertThat(tasks.getBody()).extracting(t -> t.get("taskKey")).contains("decide");
        assertThat(jdbc.queryForObject("select status from leave_request where upn = ?", String.class, f.upn())).isEqualTo("CHECKED");
    }

    private ResponseEntity<Map> complete(String user, String taskKey, Map<String, Object> form) {
        var tasks = http.withBasicAuth(user, PASSWORD).exchange("/api/tasks", HttpMethod.GET, null, LIST).getBody();
        String id = (String) tasks.stream().filter(t -> taskKey.equals(t.get("taskKey"))).findFirst().orElseThrow().get("id");
        return http.withBasicAuth(user, PASSWORD).exchange("/api/tasks/" + id + "/complete", HttpMethod.POST,
                new HttpEntity<>(form), Map.class);
    }

    private ResponseEntity<Map> post(String user, Map<String, Object> body) {
        return http.withBasicAuth(user, PASSWORD).postForEntity("/api/leave-requests", new HttpEntity<>(body), Map.class);
    }

    static Map<String, Object> body(String upn, LocalDate from, String fromSession, LocalDate to, String toSession, String reason) {
        return Map.of("upn", upn, "from", Map.of("date", from.toString(), "session", fromSession),
                "to", Map.of("date", to.toString(), "session", toSession), "reason", reason,
                "details", "Paper form handed in at the office", "parentsTravelling", List.of("Ann"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> problems(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var found = new java.util.HashMap<String, String>();
        for (Map<String, String> p : (List<Map<String, String>>) response.getBody().get("problems")) {
            found.merge(p.get("where"), p.get("message"), (a, b) -> a + "; " + b);
        }
        return found;
    }
}
