package org.openattendance.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A school's pupils upload tells it nothing about other schools' pupils (which school holds a UPN, whether that
 * school took the pupil off its roll) nor about who is a social worker elsewhere.
 */
@IntegrationTest
class PupilUploadDisclosureTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aUpnHeldByAnotherSchoolGetsTheSameAnswerWhateverThatSchoolRecorded() {
        var ours = fixtures.school(fixtures.newLaCode());
        var sameLa = fixtures.school(ours.laCode());
        var otherLa = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(ours.urn()), null);
        String onRollNearby = fixtures.pupils(sameLa, 1).get(0);
        String onRollElsewhere = fixtures.pupils(otherLa, 1).get(0);
        String leftElsewhere = fixtures.pupils(otherLa, 1).get(0);
        jdbc.update("update pupil set deletion_date = current_date - 30, deletion_ground = 'Moved to Scotland' where upn = ?",
                leftElsewhere);

        var answers = List.of(onRollNearby, onRollElsewhere, leftElsewhere).stream()
                .map(upn -> upload(officer, ours.urn(), pupil(upn, null))).toList();

        for (var answer : answers) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            String text = answer.getBody().toString();
            assertThat(text).doesNotContain(sameLa.urn()).doesNotContain(otherLa.urn()).doesNotContain("Test School")
                    .doesNotContain("deleted").doesNotContain("Moved to Scotland").doesNotContain("re-admit");
            assertThat(problems(answer)).singleElement().satisfies(p -> assertThat(p.get("message").toString())
                    .isEqualTo(problems(answers.get(0)).get(0).get("message").toString()));
        }
    }

    @Test
    void aSocialWorkerOfAnotherLaIsAnsweredLikeAUsernameThatDoesNotExist() {
        var ours = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(ours.urn()), null);
        String otherLa = fixtures.newLaCode();
        fixtures.school(otherLa);
        String elsewhere = fixtures.user(Role.SOCIAL_WORKER, Set.of(), otherLa);
        String ourLas = fixtures.user(Role.SOCIAL_WORKER, Set.of(), ours.laCode());
        String notASocialWorker = fixtures.user(Role.LA_OFFICER, Set.of(), otherLa);
        String nobody = "nobody." + fixtures.newUpn().toLowerCase();

        var forElsewhere = upload(officer, ours.urn(), pupil(fixtures.newUpn(), elsewhere));
        var forNobody = upload(officer, ours.urn(), pupil(fixtures.newUpn(), nobody));
        var forOfficer = upload(officer, ours.urn(), pupil(fixtures.newUpn(), notASocialWorker));
        var forOurs = upload(officer, ours.urn(), pupil(fixtures.newUpn(), ourLas));

        assertThat(forElsewhere.getStatusCode()).isEqualTo(forNobody.getStatusCode()).isEqualTo(forOfficer.getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(message(forElsewhere).replace(elsewhere, "NAME")).isEqualTo(message(forNobody).replace(nobody, "NAME"))
                .isEqualTo(message(forOfficer).replace(notASocialWorker, "NAME"))
                .contains("is not the username of a social worker for this school's local authority");
        assertThat(forOurs.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static String message(ResponseEntity<Map<String, Object>> answer) {
        return problems(answer).get(0).get("message").toString();
    }

    private static String pupil(String upn, String socialWorker) {
        return """
                [{"upn": "%s", "forename": "Kim", "surname": "Smith", "dateOfBirth": "2018-04-02", "yearGroup": 2,
                  "admissionDate": "2023-09-04", "cohorts": [], "socialWorker": %s,
                  "parents": [{"name": "Jo Smith", "relationship": "Mother", "parentalResponsibility": true,
                               "livesWithPupil": true, "email": "jo@example.org"}]}]"""
                .formatted(upn, socialWorker == null ? "null" : "\"" + socialWorker + "\"");
    }

    private ResponseEntity<Map<String, Object>> upload(String user, String urn, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange("/api/schools/" + urn + "/pupils", HttpMethod.POST,
                new HttpEntity<>(body, headers), new ParameterizedTypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(ResponseEntity<Map<String, Object>> response) {
        return (List<Map<String, Object>>) response.getBody().get("problems");
    }
}
