package org.openattendance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.openattendance.support.RegisterUploads;
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

/**
 * The 20-day ground: 20 continuous school days coded only G, N or O, and both the school's and the LA's enquiries
 * recorded (each through its own task) without finding the child; the child then goes onto the LA's register of
 * children missing education.
 */
@IntegrationTest
class TwentyDayGroundTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;

    Fixtures.TestSchool school;
    String officer;
    String laOfficer;
    String upn;

    @BeforeEach
    void setUp() {
        school = fixtures.school(fixtures.newLaCode());
        officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), school.laCode());
        upn = fixtures.pupils(school, 1).get(0);
    }

    @Test
    void refusedWithoutBothEnquiriesSayingWhichIsMissingAndAllowedWithBoth() {
        absentFor(21);   // 21 weekdays before today, one of them the fixture's closure: 20 school days

        var none = delete();
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messages(none)).anyMatch(m -> m.contains("school's reasonable enquiries are not recorded"))
                .anyMatch(m -> m.contains("LA's reasonable enquiries are not recorded"))
                .noneMatch(m -> m.contains("continuous school day"));

        assertThat(post(officer, "/api/pupils/" + upn + "/twenty-day-enquiries", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(officer, "/api/pupils/" + upn + "/twenty-day-enquiries", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);   // one run at a time
        complete(officer, "school-enquiries", "Phoned both parents and the emergency contact; home visit, house empty");

        var schoolOnly = delete();
        assertThat(messages(schoolOnly)).noneMatch(m -> m.contains("school's reasonable enquiries"))
                .anyMatch(m -> m.contains("LA's reasonable enquiries are not recorded"));
        assertThat(jdbc.queryForObject("select deletion_date from pupil where upn = ?", LocalDate.class, upn)).isNull();

        complete(laOfficer, "la-enquiries", "Council tax, housing and admissions records; neighbouring LAs asked");

        var allowed = delete();
        assertThat(allowed.getStatusCode()).as(String.valueOf(allowed.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(allowed.getBody()).containsEntry("regulation", "9(1)(i)");
        assertThat(jdbc.queryForList("select side || ':' || recorded_by from deletion_enquiry e join pupil p on p.id = e.pupil_id"
                + " where p.upn = ?", String.class, upn)).containsExactlyInAnyOrder("SCHOOL:" + officer, "LA:" + laOfficer);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from cme_entry where upn = ? and source = 'DELETION'", Integer.class, upn) == 1);
    }

    @Test
    void refusedWithFewerThanTwentySchoolDaysOrWhenAnotherCodeBreaksTheRun() {
        absentFor(21);
        postCsv(upn + "," + Fixtures.weekdaysAgo(5) + ",PM,I,Mother phoned: ill\n");

        var response = delete();

        // the 4 weekdays after it, less the fixture's closure 3 weekdays ago: 3 school days
        assertThat(messages(response)).anyMatch(m -> m.contains("has 3 continuous school days coded only G, N or O")
                && m.contains("20 are needed"));
    }

    @Test
    void enquiriesThatFoundTheChildMeanTheGroundIsNotMet() {
        absentFor(21);
        post(officer, "/api/pupils/" + upn + "/twenty-day-enquiries", Map.of());
        complete(officer, "school-enquiries", "Spoke to the aunt");
        String taskId = taskId("la-enquiries");
        http.withBasicAuth(laOfficer, PASSWORD).postForEntity("/api/tasks/" + taskId + "/complete",
                Map.of("enquiries", "Found on the roll of a school in another LA", "childFound", "YES",
                        "whereFound", "Oak Academy, LA 999"), Map.class);

        assertThat(messages(delete())).anyMatch(m -> m.contains("LA's enquiries found the child (Oak Academy, LA 999)"));
    }

    private void complete(String user, String taskKey, String enquiries) {
        String id = taskId(taskKey);
        var done = http.withBasicAuth(user, PASSWORD).postForEntity("/api/tasks/" + id + "/complete",
                Map.of("enquiries", enquiries, "childFound", "NO"), Map.class);
        assertThat(done.getStatusCode().is2xxSuccessful()).as(String.valueOf(done.getBody())).isTrue();
    }

    private String taskId(String taskKey) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> tasks.createTaskQuery().taskDefinitionKey(taskKey)
                .processVariableValueEquals("upn", upn).singleResult(), t -> t != null).getId();
    }

    private void absentFor(int weekdays) {
        var csv = new StringBuilder();
        String[] codes = {"N", "O", "G"};
        for (int i = weekdays; i >= 1; i--) {
            LocalDate day = Fixtures.weekdaysAgo(i);
            if (!day.equals(Fixtures.closedDay())) {
                csv.append(upn).append(',').append(day).append(",AM,").append(codes[i % 3]).append(",\n");
                csv.append(upn).append(',').append(day).append(",PM,").append(codes[(i + 1) % 3]).append(",\n");
            }
        }
        postCsv(csv.toString());
    }

    private void postCsv(String rows) {
        RegisterUploads.load(http, officer, school.urn(), "upn,date,session,code,reason\n" + rows);
    }

    private ResponseEntity<Map<String, Object>> delete() {
        return post(officer, "/api/pupils/" + upn + "/deletion", Map.of("date", Fixtures.today().toString(),
                "ground", "CONTINUOUS_ABSENCE"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(ResponseEntity<Map<String, Object>> response) {
        var problems = (List<Map<String, Object>>) response.getBody().get("problems");
        return problems == null ? List.of() : problems.stream().map(p -> p.get("message").toString()).toList();
    }

    private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                new ParameterizedTypeReference<>() { });
    }
}
