package org.openattendance.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openattendance.support.Fixtures.PASSWORD;
import static org.openattendance.support.Fixtures.weekdaysAgo;

import java.time.LocalDate;
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

@IntegrationTest
class RegisterApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    Fixtures.TestSchool school;
    String officer;
    List<String> upns;
    LocalDate day1;
    LocalDate day2;

    @BeforeEach
    void setUp() {
        school = fixtures.school(fixtures.newLaCode());
        officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        upns = fixtures.pupils(school, 3);
        day1 = weekdaysAgo(1);
        day2 = weekdaysAgo(2);
    }

    @Test
    void storesValidRowsAndCountsTheSameFileAsUnchangedTheSecondTime() {
        String csv = "upn,date,session,code,minutes_late\n"
                + upns.get(0) + "," + day1 + ",AM,/,\n"
                + upns.get(0) + "," + day1 + ",PM,\\,\n"
                + upns.get(1) + "," + day1 + ",AM,L,12\n"
                + upns.get(1) + "," + day1 + ",PM,N,\n";

        var first = postCsv(csv);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).containsEntry("accepted", 4).containsEntry("amended", 0)
                .containsEntry("unchanged", 0).containsEntry("rejected", List.of());

        var second = postCsv(csv);
        assertThat(second.getBody()).containsEntry("accepted", 0).containsEntry("amended", 0)
                .containsEntry("unchanged", 4).containsEntry("rejected", List.of());
        assertThat(markCount()).isEqualTo(4);
        assertThat(jdbc.queryForObject("select minutes_late from session_mark m join pupil p on p.id = m.pupil_id "
                + "where p.upn = ? and m.session = 'AM'", Integer.class, upns.get(1))).isEqualTo(12);
    }

    @Test
    void aChangedCodeWithAReasonBecomesAnAmendmentThatKeepsTheOriginal() {
        postCsv("upn,date,session,code\n" + upns.get(0) + "," + day1 + ",AM,N\n");

        var changed = postCsv("upn,date,session,code,reason\n" + upns.get(0) + "," + day1 + ",AM,I,Mother phoned: flu\n");

        assertThat(changed.getBody()).containsEntry("amended", 1).containsEntry("accepted", 0);
        Map<String, Object> amendment = jdbc.queryForMap("select a.original_code, a.new_code, a.reason, a.amended_by, "
                + "a.amended_role from mark_amendment a join pupil p on p.id = a.pupil_id where p.upn = ?", upns.get(0));
        assertThat(amendment).containsEntry("original_code", "N").containsEntry("new_code", "I")
                .containsEntry("reason", "Mother phoned: flu").containsEntry("amended_by", officer)
                .containsEntry("amended_role", "ATTENDANCE_OFFICER");
        assertThat(codeOf(upns.get(0), day1, "AM")).isEqualTo("I");

        var marks = http.withBasicAuth(officer, PASSWORD).exchange("/api/pupils/" + upns.get(0) + "/marks?from=" + day1
                + "&to=" + day1, HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, Object>>() { });
        var mark = ((List<Map<String, Object>>) marks.getBody().get("marks")).get(0);
        assertThat(mark).containsEntry("code", "I");
        assertThat((List<Map<String, Object>>) mark.get("amendments")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("originalCode", "N").containsEntry("newCode", "I"));
    }

    @Test
    void aChangedCodeWithoutAReasonIsRejectedAndTheMarkKept() {
        postCsv("upn,date,session,code\n" + upns.get(0) + "," + day1 + ",AM,N\n");

        var changed = postCsv("upn,date,session,code\n" + upns.get(0) + "," + day1 + ",AM,I\n");

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(rejections(changed)).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("line", 2).containsEntry("upn", upns.get(0));
            assertThat((String) r.get("reason")).contains("already holds N").contains("needs a reason");
        });
        assertThat(codeOf(upns.get(0), day1, "AM")).isEqualTo("N");
    }

    @Test
    void rejectsEachBadRowWithItsLineAndAnActionableReasonAndStoresTheRest() {
        String stranger = fixtures.newUpn();
        String badCheckLetter = (upns.get(2).charAt(0) == 'A' ? "B" : "A") + upns.get(2).substring(1);
        String csv = "upn,date,session,code\n"
                + upns.get(0) + "," + day1 + ",AM,/\n"                        // line 2: fine
                + upns.get(0) + "," + day1 + ",PM,XX\n"                       // 3: unknown code
                + upns.get(1) + "," + Fixtures.closedDay() + ",AM,/\n"        // 4: school closed
                + upns.get(1) + "," + Fixtures.today().plusDays(1) + ",AM,/\n" // 5: future
                + stranger + "," + day1 + ",AM,/\n"                           // 6: not at this school
                + badCheckLetter + "," + day1 + ",AM,/\n"                     // 7: bad check letter
                + upns.get(1) + ",2026-13-01,AM,/\n"                          // 8: bad date
                + upns.get(1) + "," + day1 + ",EVE,/\n"                       // 9: bad session
                + upns.get(0) + "," + day1 + ",AM,N\n"                        // 10: duplicate of line 2
                + upns.get(1) + "," + day1 + "\n";                            // 11: too few fields

        var result = postCsv(csv);

        assertThat(result.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(result.getBody()).containsEntry("accepted", 1);
        var rejected = rejections(result);
        assertThat(rejected).extracting(r -> r.get("line")).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(rejected).extracting(r -> (String) r.get("reason")).satisfiesExactly(
                r -> assertThat(r).contains("'XX' is not an attendance code"),
                r -> assertThat(r).contains("not open on " + Fixtures.closedDay()),
                r -> assertThat(r).contains("in the future"),
                r -> assertThat(r).contains("no pupil with UPN " + stranger),
                r -> assertThat(r).contains("check letter"),
                r -> assertThat(r).contains("'2026-13-01' is not a date in the form YYYY-MM-DD"),
                r -> assertThat(r).contains("session must be AM or PM"),
                r -> assertThat(r).contains("appears earlier in this upload"),
                r -> assertThat(r).contains("fields but the header has 4"));
        assertThat(markCount()).isEqualTo(1);
    }

    @Test
    void minutesLateBelongOnlyToLateMarks() {
        var result = postCsv("upn,date,session,code,minutes_late\n" + upns.get(0) + "," + day1 + ",AM,/,10\n"
                + upns.get(0) + "," + day1 + ",PM,U,45\n" + upns.get(1) + "," + day1 + ",AM,L,-3\n");

        assertThat(result.getBody()).containsEntry("accepted", 1);
        assertThat(rejections(result)).extracting(r -> (String) r.get("reason")).satisfiesExactly(
                r -> assertThat(r).contains("applies only to L").contains("not /"),
                r -> assertThat(r).contains("between 0 and 300"));
    }

    @Test
    void acceptsLowerCaseUpnsAndAByteOrderMark() {
        var result = postCsv("\uFEFFupn,date,session,code\n" + upns.get(0).toLowerCase() + "," + day1 + ",AM,/\n");

        assertThat(result.getBody()).containsEntry("accepted", 1).containsEntry("rejected", List.of());
    }

    @Test
    void rejectsMarksForAPupilNotYetOnRoll() {
        var pupil = fixtures.pupilData(fixtures.newUpn(), null, Set.of());
        var late = new org.openattendance.school.SchoolAdministration.PupilData(pupil.upn(), pupil.forename(),
                pupil.surname(), pupil.dateOfBirth(), pupil.yearGroup(), day1, pupil.cohorts(), null, pupil.parents());
        http.withBasicAuth(officer, PASSWORD).postForEntity("/api/schools/" + school.urn() + "/pupils", List.of(late), Map.class);

        var result = postCsv("upn,date,session,code\n" + late.upn() + "," + day2 + ",AM,/\n");

        assertThat((String) rejections(result).get(0).get("reason")).contains("not on roll on " + day2);
    }

    @Test
    void acceptsTheSameFieldsAsAJsonArray() {
        var body = List.of(
                Map.of("upn", upns.get(0), "date", day1.toString(), "session", "AM", "code", "U", "minutes_late", 40),
                Map.of("upn", upns.get(0), "date", day1.toString(), "session", "PM", "code", "Q9"));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        var result = http.withBasicAuth(officer, PASSWORD).exchange("/api/schools/" + school.urn() + "/marks",
                HttpMethod.POST, new HttpEntity<>(body, headers), new ParameterizedTypeReference<Map<String, Object>>() { });

        assertThat(result.getBody()).containsEntry("accepted", 1);
        assertThat(rejections(result)).singleElement().satisfies(r -> assertThat(r).containsEntry("line", 2));
    }

    @Test
    void refusesAWrongHeaderAsAWholeAndStoresNothing() {
        var result = postCsv("pupil,date,session,code\n" + upns.get(0) + "," + day1 + ",AM,/\n");

        assertThat(result.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) result.getBody().get("error")).contains("Wrong CSV header").contains("missing [upn]")
                .contains("unknown [pupil]");
        assertThat(markCount()).isZero();
    }

    @Test
    void refusesMalformedCsvAsAWholeAndStoresNothing() {
        var result = postCsv("upn,date,session,code\n" + upns.get(0) + "," + day1 + ",AM,/\n"
                + upns.get(1) + ",\"" + day1 + ",AM,/\n");

        assertThat(result.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) result.getBody().get("error")).contains("malformed").contains("Nothing was stored");
        assertThat(markCount()).isZero();
    }

    @Test
    void refusesAnOversizedUploadAndStatesTheLimit() {
        var csv = new StringBuilder("upn,date,session,code,reason\n");
        String row = upns.get(0) + "," + day1 + ",AM,/," + "x".repeat(480) + "\n";
        while (csv.length() < 2_200_000) {
            csv.append(row);
        }
        var result = postCsv(csv.toString());

        assertThat(result.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat((String) result.getBody().get("error")).contains("limit of 2097152 bytes");
        assertThat(markCount()).isZero();
    }

    @Test
    void theRegisterCannotBeDeletedFromEvenInSql() {
        postCsv("upn,date,session,code\n" + upns.get(0) + "," + day1 + ",AM,/\n");

        assertThatThrownBy(() -> jdbc.update("delete from session_mark where pupil_id in (select id from pupil where upn = ?)",
                upns.get(0))).hasMessageContaining("append-only");
    }

    @Test
    void everyUploadIsWrittenToTheAuditTrail() {
        postCsv("upn,date,session,code\n" + upns.get(0) + "," + day1 + ",AM,/\n");

        assertThat(jdbc.queryForList("select detail from audit_event where username = ? and action = 'CHANGE_REGISTER' "
                + "and subject_id = ?", String.class, officer, school.urn()))
                .singleElement().satisfies(d -> assertThat(d).contains("accepted 1"));
    }

    private ResponseEntity<Map<String, Object>> postCsv(String csv) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        return http.withBasicAuth(officer, PASSWORD).exchange("/api/schools/" + school.urn() + "/marks", HttpMethod.POST,
                new HttpEntity<>(csv, headers), new ParameterizedTypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rejections(ResponseEntity<Map<String, Object>> response) {
        return (List<Map<String, Object>>) response.getBody().get("rejected");
    }

    private int markCount() {
        return jdbc.queryForObject("select count(*) from session_mark m join pupil p on p.id = m.pupil_id "
                + "where p.school_urn = ?", Integer.class, school.urn());
    }

    private String codeOf(String upn, LocalDate date, String session) {
        return jdbc.queryForObject("select code from session_mark m join pupil p on p.id = m.pupil_id "
                + "where p.upn = ? and m.mark_date = ? and m.session = ?", String.class, upn, date, session);
    }
}
