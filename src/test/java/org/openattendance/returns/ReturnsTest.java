package org.openattendance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.shared.AcademicYear;
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
 * The returns a school owes its LA: a new pupil's within 5 school days (not for the youngest year starting on the
 * first day of the year), a deletion's no later than the deletion (not for the standard transition), and who sees them.
 */
@IntegrationTest
class ReturnsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    Fixtures.TestSchool school;
    String officer;

    @BeforeEach
    void setUp() {
        school = fixtures.school(fixtures.newLaCode());
        officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
    }

    @Test
    void aNewPupilsReturnIsDueFiveSchoolDaysAfterEntryAndMadeOnTime() {
        LocalDate entry = Fixtures.weekdaysAgo(1);
        assumeThisYear(entry);
        String upn = admit(school, entry, 4);

        Map<String, Object> due = returnOf(upn, "NEW_PUPIL");
        // 5 school days after entry on the school's calendar (every weekday, bar one closure before the entry)
        assertThat(due).containsEntry("status", "DUE").containsEntry("dueDate", weekdaysAfter(entry, 5).toString());

        var made = post(officer, "/api/returns/" + due.get("id"), Map.of("pupilAddress", "4 Mill Lane, Northtown",
                "sex", "F", "previousSchool", "Hill Top Primary (URN 100099)"));

        assertThat(made.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(made.getBody()).containsEntry("status", "ON_TIME").containsEntry("madeBy", officer);
        assertThat(made.getBody().get("details").toString()).contains("Address: 4 Mill Lane, Northtown")
                .contains("Previous school: Hill Top Primary").contains("Sam Parent (Mother, parental responsibility)")
                .contains("telephone 07700 900000");
        var again = post(officer, "/api/returns/" + due.get("id"), Map.of("pupilAddress", "x", "sex", "F"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aNewPupilsReturnNotMadeInFiveSchoolDaysIsOverdueAndThenLate() {
        assumeThisYear(Fixtures.weekdaysAgo(12));
        String upn = admit(school, Fixtures.weekdaysAgo(12), 4);

        Map<String, Object> overdue = returnOf(upn, "NEW_PUPIL");
        assertThat(overdue).containsEntry("status", "OVERDUE");
        var missing = post(officer, "/api/returns/" + overdue.get("id"), Map.of("sex", "X"));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().toString()).contains("pupilAddress").contains("sex");

        var made = post(officer, "/api/returns/" + overdue.get("id"), Map.of("pupilAddress", "4 Mill Lane", "sex", "M"));

        assertThat(made.getBody()).containsEntry("status", "LATE");
    }

    @Test
    void theYoungestYearStartingOnTheFirstDayOfTheYearNeedsNoReturnButALaterStarterDoesAndLastYearsHistoryNone() {
        LocalDate firstDay = AcademicYear.containing(Fixtures.today()).firstDay();   // the fixture's first term starts then
        String onTheFirstDay = admit(school, firstDay, 0);
        String inYearFour = admit(school, firstDay, 4);
        String later = admit(school, firstDay.plusDays(7), 0);

        String lastYear = admit(school, firstDay.minusYears(1).plusDays(7), 4);   // history, loaded from the MIS

        await().atMost(Duration.ofSeconds(20)).until(() -> returnsCount(inYearFour) == 1 && returnsCount(later) == 1);
        assertThat(returnsCount(onTheFirstDay)).isZero();
        assertThat(returnsCount(lastYear)).isZero();
    }

    @Test
    void aDeletionMakesItsReturnAtOnceWithTheGroundAndTheNewSchoolButNeverBackDated() {
        String upn = admit(school, Fixtures.weekdaysAgo(30), 4);

        var backDated = post(officer, "/api/pupils/" + upn + "/deletion", Map.of("date", Fixtures.weekdaysAgo(1).toString(),
                "ground", "REGISTERED_ELSEWHERE"));
        var unknownGround = post(officer, "/api/pupils/" + upn + "/deletion", Map.of("date", Fixtures.today().toString(),
                "ground", "Fell out with the school"));
        var deleted = post(officer, "/api/pupils/" + upn + "/deletion", Map.of("date", Fixtures.today().plusDays(3).toString(),
                "ground", "9(1)(a)", "destinationSchool", "Oak Academy (URN 140001)"));

        assertThat(backDated.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backDated.getBody().toString()).contains("never back-dated");
        assertThat(unknownGround.getBody().toString()).contains("not a ground for deletion in regulation 9");
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(deleted.getBody()).containsEntry("ground", "REGISTERED_ELSEWHERE").containsEntry("returnDue", true);
        Map<String, Object> deletion = returnOf(upn, "DELETION");
        assertThat(deletion).containsEntry("status", "ON_TIME").containsEntry("madeBy", officer)
                .containsEntry("dueDate", Fixtures.today().plusDays(3).toString());
        assertThat(deletion.get("details").toString()).contains("Registered at another school (regulation 9(1)(a))")
                .contains("New school: Oak Academy (URN 140001)");
    }

    @Test
    void homeEducationNeedsTheParentsWrittenNoticeWhichIsPassedToTheLa() {
        String upn = admit(school, Fixtures.weekdaysAgo(30), 4);

        var noNotice = post(officer, "/api/pupils/" + upn + "/deletion", Map.of("date", Fixtures.today().toString(),
                "ground", "ELECTIVE_HOME_EDUCATION"));
        var deleted = post(officer, "/api/pupils/" + upn + "/deletion", Map.of("date", Fixtures.today().toString(),
                "ground", "ELECTIVE_HOME_EDUCATION", "parentNoticeDate", Fixtures.weekdaysAgo(2).toString()));

        assertThat(noNotice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noNotice.getBody().toString()).contains("parentNoticeDate").contains("written notice");
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(returnOf(upn, "DELETION").get("details").toString()).contains("Educated at home")
                .contains("Parent's written notice of home education dated");
    }

    @Test
    void theStandardTransitionAtTheEndOfTheFinalYearNeedsNoReturnAndOnlyTheFinalYearMayUseIt() {
        String leaver = admit(school, Fixtures.weekdaysAgo(30), 6);
        String younger = admit(school, Fixtures.weekdaysAgo(30), 5);

        var refused = post(officer, "/api/pupils/" + younger + "/deletion", Map.of("date", Fixtures.today().toString(),
                "ground", "FINAL_YEAR_COMPLETED"));
        var left = post(officer, "/api/pupils/" + leaver + "/deletion", Map.of("date", Fixtures.today().toString(),
                "ground", "FINAL_YEAR_COMPLETED"));

        assertThat(refused.getBody().toString()).contains("final year group (year 6)");
        assertThat(left.getBody()).containsEntry("returnDue", false);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> jdbc.queryForObject("select count(*) from la_return r join pupil p on p.id = r.pupil_id"
                        + " where p.upn = ? and r.kind = 'DELETION'", Integer.class, leaver) == 0);
    }

    @Test
    void theLaSeesItsOwnSchoolsReturnsOnlyAndASchoolOnlyItsOwn() {
        var otherLa = fixtures.school(fixtures.newLaCode());
        var sameLa = fixtures.school(school.laCode());
        assumeThisYear(Fixtures.weekdaysAgo(2));
        String ours = admit(school, Fixtures.weekdaysAgo(2), 4);
        String neighbours = admit(sameLa, Fixtures.weekdaysAgo(2), 4);
        String theirs = admit(otherLa, Fixtures.weekdaysAgo(2), 4);
        String laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), school.laCode());
        await().atMost(Duration.ofSeconds(20)).until(() -> returnsCount(ours) + returnsCount(neighbours) + returnsCount(theirs) == 3);

        List<String> laSees = get(laOfficer, "/api/returns").stream().map(r -> (String) r.get("upn")).toList();
        List<String> schoolSees = get(officer, "/api/returns").stream().map(r -> (String) r.get("upn")).toList();

        assertThat(laSees).contains(ours, neighbours).doesNotContain(theirs);
        assertThat(schoolSees).contains(ours).doesNotContain(neighbours, theirs);
        long theirReturn = jdbc.queryForObject("select r.id from la_return r join pupil p on p.id = r.pupil_id where p.upn = ?",
                Long.class, theirs);
        assertThat(http.withBasicAuth(laOfficer, PASSWORD).getForEntity("/api/returns/" + theirReturn, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(laOfficer, PASSWORD).getForEntity("/api/schools/" + otherLa.urn() + "/returns",
                Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        long neighbourReturn = jdbc.queryForObject("select r.id from la_return r join pupil p on p.id = r.pupil_id where p.upn = ?",
                Long.class, neighbours);
        assertThat(http.withBasicAuth(officer, PASSWORD).getForEntity("/api/returns/" + neighbourReturn, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(laOfficer, "/api/returns/" + neighbourReturn, Map.of("pupilAddress", "x", "sex", "F"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'READ_PUPIL'",
                Integer.class, laOfficer)).isZero();
    }

    /** Admissions before this academic year raise no return: early in September such a test has nothing to see. */
    private static void assumeThisYear(LocalDate entry) {
        org.junit.jupiter.api.Assumptions.assumeTrue(AcademicYear.containing(Fixtures.today()).contains(entry),
                "needs " + entry + " to be in this academic year");
    }

    String admit(Fixtures.TestSchool at, LocalDate entry, int yearGroup) {
        return fixtures.pupilAdmitted(at, yearGroup, entry);
    }

    private int returnsCount(String upn) {
        return jdbc.queryForObject("select count(*) from la_return r join pupil p on p.id = r.pupil_id where p.upn = ?",
                Integer.class, upn);
    }

    private Map<String, Object> returnOf(String upn, String kind) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> get(officer, "/api/returns?kind=" + kind).stream()
                .filter(r -> upn.equals(r.get("upn"))).findFirst().orElse(null), r -> r != null);
    }

    private static LocalDate weekdaysAfter(LocalDate from, int n) {
        LocalDate day = from;
        for (int found = 0; found < n; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek().getValue() <= 5) {
                found++;
            }
        }
        return day;
    }

    List<Map<String, Object>> get(String user, String path) {
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    }

    ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                new ParameterizedTypeReference<>() { });
    }
}
