package org.openattendance.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.security.ScopeDirectory;
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

@IntegrationTest
class PupilApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SchoolAdministration administration;

    Fixtures.TestSchool school;
    String officer;
    String socialWorker;

    @BeforeEach
    void setUp() {
        school = fixtures.school(fixtures.newLaCode());
        officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        socialWorker = fixtures.user(Role.SOCIAL_WORKER, Set.of(), null);
    }

    @Test
    void insertsThenUpdatesPupilsByUpnWithParentsCohortsAndSocialWorker() {
        String upn = fixtures.newUpn();
        var first = post(json(upn, "2019-04-02", "\"EHCP\", \"CHILD_IN_NEED\"", "\"" + socialWorker + "\""));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).containsEntry("created", 1).containsEntry("updated", 0);

        var second = post(json(upn, "2019-04-02", "\"FSM\"", "null"));

        assertThat(second.getBody()).containsEntry("created", 0).containsEntry("updated", 1);
        assertThat(jdbc.queryForList("select cohort from pupil_cohort c join pupil p on p.id = c.pupil_id where p.upn = ?",
                String.class, upn)).containsExactly("FSM");
        assertThat(jdbc.queryForObject("select social_worker from pupil where upn = ?", String.class, upn)).isNull();
        assertThat(jdbc.queryForList("select name from parent a join pupil p on p.id = a.pupil_id where p.upn = ?",
                String.class, upn)).containsExactly("Jo Smith");
    }

    @Test
    void anUploadKeepsTheSocialWorkerAnAdministratorAllocatedAndSaysSo() {
        String upn = fixtures.newUpn();
        String fromMis = fixtures.user(Role.SOCIAL_WORKER, Set.of(), null);
        post(json(upn, "2019-04-02", "\"CHILD_IN_NEED\"", "\"" + fromMis + "\""));
        administration.allocate(socialWorker, List.of(upn));

        var naming = post(json(upn, "2019-04-02", "\"CHILD_IN_NEED\"", "\"" + fromMis + "\""));

        assertThat(naming.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(naming.getBody()).containsEntry("updated", 1);
        assertThat(socialWorkerOf(upn)).isEqualTo(socialWorker);
        assertThat(kept(naming)).singleElement().satisfies(k -> {
            assertThat(k).containsEntry("upn", upn).containsEntry("socialWorker", socialWorker).containsEntry("sent", fromMis);
            assertThat(k.get("message").toString()).contains("An administrator allocated this pupil to " + socialWorker)
                    .contains("the upload does not change that").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        });
        assertThat(administration.caseloadOf(socialWorker)).extracting(ScopeDirectory.CaseloadPupil::upn).contains(upn);

        // An upload that names nobody does not empty the caseload either; the other details are still updated.
        var namingNobody = post(json(upn, "2019-04-02", "\"FSM\"", "null"));
        assertThat(socialWorkerOf(upn)).isEqualTo(socialWorker);
        assertThat(kept(namingNobody)).singleElement().satisfies(k -> assertThat(k.get("sent")).isNull());
        assertThat(jdbc.queryForList("select cohort from pupil_cohort c join pupil p on p.id = c.pupil_id where p.upn = ?",
                String.class, upn)).containsExactly("FSM");

        // Sending what the administrator set is no news.
        assertThat(kept(post(json(upn, "2019-04-02", "\"FSM\"", "\"" + socialWorker + "\"")))).isEmpty();
    }

    @Test
    void aPupilAnAdministratorTookOffTheCaseloadStaysOffWhenTheUploadNamesTheSocialWorkerAgain() {
        String upn = fixtures.newUpn();
        post(json(upn, "2019-04-02", "\"CHILD_IN_NEED\"", "\"" + socialWorker + "\""));
        assertThat(administration.release(socialWorker, upn)).isTrue();

        var again = post(json(upn, "2019-04-02", "\"CHILD_IN_NEED\"", "\"" + socialWorker + "\""));

        assertThat(socialWorkerOf(upn)).isNull();
        assertThat(kept(again)).singleElement().satisfies(k -> {
            assertThat(k).containsEntry("socialWorker", null).containsEntry("sent", socialWorker);
            assertThat(k.get("message").toString()).contains("An administrator took this pupil off the social worker's caseload");
        });
    }

    @Test
    void aSocialWorkerTheUploadSetFollowsTheNextUpload() {
        String upn = fixtures.newUpn();
        String next = fixtures.user(Role.SOCIAL_WORKER, Set.of(), null);
        post(json(upn, "2019-04-02", "\"CHILD_IN_NEED\"", "\"" + socialWorker + "\""));

        var changed = post(json(upn, "2019-04-02", "\"CHILD_IN_NEED\"", "\"" + next + "\""));

        assertThat(socialWorkerOf(upn)).isEqualTo(next);
        assertThat(kept(changed)).isEmpty();
    }

    private String socialWorkerOf(String upn) {
        return jdbc.queryForObject("select social_worker from pupil where upn = ?", String.class, upn);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> kept(ResponseEntity<Map<String, Object>> response) {
        return (List<Map<String, Object>>) response.getBody().get("socialWorkerKept");
    }

    @Test
    void anInvalidCheckLetterRefusesTheWholeUploadAndStoresNothing() {
        String good = fixtures.newUpn();
        String bad = fixtures.newUpn();
        String wrongLetter = (bad.charAt(0) == 'A' ? "B" : "A") + bad.substring(1);

        var response = post("[" + json(good, "2019-04-02", "", "null").replaceAll("^\\[|\\]$", "") + ","
                + json(wrongLetter, "2019-04-02", "", "null").replaceAll("^\\[|\\]$", "") + "]");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("error").toString()).contains("No pupil was saved");
        assertThat(problems(response)).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("where", "[1].upn");
            assertThat(p.get("message").toString()).contains("check letter");
        });
        assertThat(jdbc.queryForObject("select count(*) from pupil where upn in (?, ?)", Integer.class, good, wrongLetter)).isZero();
    }

    @Test
    void saysWhatIsWrongWithEachField() {
        var response = post("""
                [{"upn": "%s", "forename": " ", "surname": "Smith", "dateOfBirth": "2099-01-01", "yearGroup": 22,
                  "admissionDate": null, "cohorts": [], "socialWorker": "nobody.here",
                  "parents": [{"name": "Jo", "relationship": "Mother", "parentalResponsibility": true,
                               "livesWithPupil": null, "email": "not-an-address"}]}]""".formatted(fixtures.newUpn()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problems(response)).extracting(p -> p.get("where")).containsExactlyInAnyOrder(
                "[0].forename", "[0].dateOfBirth", "[0].yearGroup", "[0].admissionDate", "[0].socialWorker",
                "[0].parents[0].livesWithPupil", "[0].parents[0].email");
    }

    @Test
    void recordsADeletionFromRollButNeverABackDatedOne() {
        String upn = fixtures.newUpn();
        post(json(upn, "2019-04-02", "", "null"));
        String today = org.openattendance.support.Fixtures.today().toString();

        var backDated = post(json(upn, "2019-04-02", "", "null").replace("\"admissionDate\"",
                "\"deletionDate\": \"2024-01-05\", \"deletionGround\": \"Moved away\", \"admissionDate\""));
        var noGround = post(json(upn, "2019-04-02", "", "null").replace("\"admissionDate\"",
                "\"deletionDate\": \"" + today + "\", \"admissionDate\""));
        var deleted = post(json(upn, "2019-04-02", "", "null").replace("\"admissionDate\"",
                "\"deletionDate\": \"" + today + "\", \"deletionGround\": \"Registered at another school\", \"admissionDate\""));

        assertThat(backDated.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problems(backDated).get(0).get("message").toString()).contains("never back-dated");
        assertThat(problems(noGround)).extracting(p -> p.get("where")).containsExactly("[0].deletionGround");
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForMap("select deletion_date::text d, deletion_ground g from pupil where upn = ?", upn))
                .containsEntry("d", today).containsEntry("g", "Registered at another school");
        var undone = post(json(upn, "2019-04-02", "", "null"));
        assertThat(problems(undone).get(0).get("message").toString()).contains("not undone");
    }

    @Test
    void anEmptyParentIsA400NotAServerError() {
        var response = post(json(fixtures.newUpn(), "2019-04-02", "", "null").replace("\"parents\": [{", "\"parents\": [null, {"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problems(response)).singleElement().satisfies(p -> assertThat(p).containsEntry("where", "[0].parents[0]"));
    }

    @Test
    void anUnknownCohortOrABadDateIsA400ThatNamesTheField() {
        var cohort = post(json(fixtures.newUpn(), "2019-04-02", "\"RICH\"", "null"));
        var date = post(json(fixtures.newUpn(), "2019-02-30", "", "null"));

        assertThat(cohort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cohort.getBody().get("error").toString()).contains("RICH").contains("cohorts").contains("SEN_SUPPORT");
        assertThat(date.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(date.getBody().get("error").toString()).contains("dateOfBirth").contains("YYYY-MM-DD");
    }

    @Test
    void aUpnAtAnotherSchoolIsRefused() {
        var other = fixtures.school(school.laCode());
        String upn = fixtures.pupils(other, 1).get(0);

        var response = post(json(upn, "2019-04-02", "", "null"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problems(response).get(0).get("message").toString()).contains("another school");
    }

    @Test
    void adminsCreateSchoolsAndCalendarsAndBadCalendarsAreExplained() {
        String admin = fixtures.admin();
        var school = Map.of("urn", "7" + fixtures.newUpn().substring(8), "name", "Hill Top Primary", "laCode", "881",
                "phase", "PRIMARY", "registerClosesAt", "09:15");
        var created = http.withBasicAuth(admin, PASSWORD).postForEntity("/api/schools", school, Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var good = http.withBasicAuth(admin, PASSWORD).exchange("/api/schools/" + school.get("urn") + "/calendar/2026-27",
                HttpMethod.PUT, new HttpEntity<>("""
                        {"terms": [{"start": "2026-09-02", "end": "2026-12-18"}],
                         "closures": [{"date": "2026-10-05"}, {"date": "2026-11-05", "session": "PM"}]}""", headers), Map.class);
        assertThat(good.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(good.getBody()).containsEntry("openSessions", 78 * 2 - 3);

        var bad = http.withBasicAuth(admin, PASSWORD).exchange("/api/schools/" + school.get("urn") + "/calendar/2026-28",
                HttpMethod.PUT, new HttpEntity<>("{\"terms\": []}", headers), Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("error").toString()).contains("2026-28").contains("2026-27");

        var backwards = http.withBasicAuth(admin, PASSWORD).exchange("/api/schools/" + school.get("urn") + "/calendar/2026-27",
                HttpMethod.PUT, new HttpEntity<>("{\"terms\": [{\"start\": \"2026-12-18\", \"end\": \"2026-09-02\"}]}", headers), Map.class);
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getBody().toString()).contains("ends (2026-09-02) before it starts (2026-12-18)");
    }

    private String json(String upn, String dateOfBirth, String cohorts, String socialWorker) {
        return """
                [{"upn": "%s", "forename": "Kim", "surname": "Smith", "dateOfBirth": "%s", "yearGroup": 2,
                  "admissionDate": "2023-09-04", "cohorts": [%s], "socialWorker": %s,
                  "parents": [{"name": "Jo Smith", "relationship": "Mother", "parentalResponsibility": true,
                               "livesWithPupil": true, "email": "jo@example.org", "phone": "01632 960000",
                               "address": "2 Low Road"}]}]""".formatted(upn, dateOfBirth, cohorts, socialWorker);
    }

    private ResponseEntity<Map<String, Object>> post(String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(officer, PASSWORD).exchange("/api/schools/" + school.urn() + "/pupils", HttpMethod.POST,
                new HttpEntity<>(body, headers), new ParameterizedTypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(ResponseEntity<Map<String, Object>> response) {
        return (List<Map<String, Object>>) response.getBody().get("problems");
    }
}
