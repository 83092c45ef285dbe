package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;
import org.openattendance.support.Fixtures.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each role sees its own scope and nothing else: outside it, a pupil or school does not exist (404). */
@IntegrationTest
class ScopeEnforcementTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.openattendance.school.SchoolAdministration schools;

    TestSchool schoolA;
    TestSchool schoolB;
    TestSchool otherLaSchool;
    String pupilA;
    String pupilB;
    String pupilOtherLa;
    String socialWorker;
    String allocatedPupil;

    @BeforeEach
    void setUp() {
        String la = fixtures.newLaCode();
        schoolA = fixtures.school(la);
        schoolB = fixtures.school(la);
        otherLaSchool = fixtures.school(fixtures.newLaCode());
        pupilA = fixtures.pupils(schoolA, 1).get(0);
        pupilB = fixtures.pupils(schoolB, 1).get(0);
        pupilOtherLa = fixtures.pupils(otherLaSchool, 1).get(0);
        socialWorker = fixtures.user(Role.SOCIAL_WORKER, Set.of(), null);
        allocatedPupil = fixtures.pupilWithSocialWorker(schoolB, socialWorker);
    }

    @Test
    void anAttendanceOfficerSeesOnlyTheirSchoolsPupils() {
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(schoolA.urn()), null);

        assertThat(status(officer, "/api/pupils/" + pupilA + "/attendance")).isEqualTo(HttpStatus.OK);
        assertThat(status(officer, "/api/pupils/" + pupilA + "/marks")).isEqualTo(HttpStatus.OK);
        assertThat(status(officer, "/api/pupils/" + pupilB + "/attendance")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(officer, "/api/pupils/" + pupilB + "/marks")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(officer, "/api/schools/" + schoolA.urn() + "/pupils")).isEqualTo(HttpStatus.OK);
        assertThat(status(officer, "/api/schools/" + schoolB.urn() + "/pupils")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aHeadteacherSeesOnlyTheirSchool() {
        String head = fixtures.user(Role.HEADTEACHER, Set.of(schoolB.urn()), null);

        assertThat(status(head, "/api/pupils/" + pupilB + "/attendance")).isEqualTo(HttpStatus.OK);
        assertThat(status(head, "/api/pupils/" + pupilA + "/attendance")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anLaOfficerAndAnLaManagerSeeEverySchoolOfTheirLaButNoOther() {
        for (Role role : new Role[] {Role.LA_OFFICER, Role.MANAGER}) {
            String user = fixtures.user(role, Set.of(), schoolA.laCode());

            assertThat(status(user, "/api/pupils/" + pupilA + "/attendance")).isEqualTo(HttpStatus.OK);
            assertThat(status(user, "/api/pupils/" + pupilB + "/attendance")).isEqualTo(HttpStatus.OK);
            assertThat(status(user, "/api/schools/" + schoolB.urn() + "/pupils")).isEqualTo(HttpStatus.OK);
            assertThat(status(user, "/api/pupils/" + pupilOtherLa + "/attendance")).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status(user, "/api/schools/" + otherLaSchool.urn() + "/pupils")).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void aSocialWorkerSeesOnlyThePupilsAllocatedToThem() {
        assertThat(status(socialWorker, "/api/pupils/" + allocatedPupil + "/attendance")).isEqualTo(HttpStatus.OK);
        assertThat(status(socialWorker, "/api/pupils/" + allocatedPupil + "/marks")).isEqualTo(HttpStatus.OK);
        assertThat(status(socialWorker, "/api/pupils/" + pupilB + "/attendance")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(socialWorker, "/api/schools/" + schoolB.urn() + "/pupils")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aVirtualSchoolHeadSeesTheLookedAfterPupilsOfTheirLaOnly() {
        String lookedAfter = fixtures.newUpn();
        String lookedAfterElsewhere = fixtures.newUpn();
        schools.savePupils(schoolB.urn(), java.util.List.of(fixtures.pupilData(lookedAfter, null,
                Set.of(org.openattendance.school.Cohort.LOOKED_AFTER))));
        schools.savePupils(otherLaSchool.urn(), java.util.List.of(fixtures.pupilData(lookedAfterElsewhere, null,
                Set.of(org.openattendance.school.Cohort.LOOKED_AFTER))));
        String head = fixtures.user(Role.VIRTUAL_SCHOOL_HEAD, Set.of(), schoolA.laCode());

        assertThat(status(head, "/api/pupils/" + lookedAfter + "/attendance")).isEqualTo(HttpStatus.OK);
        assertThat(status(head, "/api/pupils/" + pupilB + "/attendance")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(head, "/api/pupils/" + lookedAfterElsewhere + "/attendance")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(head, "/api/schools/" + schoolB.urn() + "/pupils")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aVirtualSchoolHeadNeedsAnLaAndAnEmailAddressMustLookLikeOne() {
        String admin = fixtures.admin();
        var noLa = java.util.Map.of("username", "vsh.no.la", "password", "long-enough-password", "roles",
                java.util.List.of("VIRTUAL_SCHOOL_HEAD"));
        var badEmail = java.util.Map.of("username", "vsh.bad.email", "password", "long-enough-password", "roles",
                java.util.List.of("VIRTUAL_SCHOOL_HEAD"), "laCode", schoolA.laCode(), "email", "not an address");
        var good = java.util.Map.of("username", "vsh." + schoolA.laCode(), "password", "long-enough-password", "roles",
                java.util.List.of("VIRTUAL_SCHOOL_HEAD"), "laCode", schoolA.laCode(), "email", "vsh@la.example");

        var refused = http.withBasicAuth(admin, PASSWORD).postForEntity("/api/users", noLa, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("laCode");
        var refusedEmail = http.withBasicAuth(admin, PASSWORD).postForEntity("/api/users", badEmail, String.class);
        assertThat(refusedEmail.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refusedEmail.getBody()).contains("email");
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'vsh.bad.email'", Integer.class)).isZero();
        var created = http.withBasicAuth(admin, PASSWORD).postForEntity("/api/users", good, String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select email from app_user where username = ?", String.class,
                "vsh." + schoolA.laCode())).isEqualTo("vsh@la.example");
    }

    @Test
    void anAdministratorSeesEverything() {
        String admin = fixtures.admin();

        assertThat(status(admin, "/api/pupils/" + pupilOtherLa + "/attendance")).isEqualTo(HttpStatus.OK);
        assertThat(status(admin, "/api/schools/" + schoolA.urn() + "/pupils")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyTheSchoolsOwnStaffMayLoadItsRegister() {
        String csv = "upn,date,session,code\n" + pupilA + "," + Fixtures.weekdaysAgo(1) + ",AM,/\n";
        String officerB = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(schoolB.urn()), null);
        String laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), schoolA.laCode());
        String officerA = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(schoolA.urn()), null);

        assertThat(postCsv(officerB, schoolA.urn(), csv)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(postCsv(socialWorker, schoolA.urn(), csv)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(postCsv(laOfficer, schoolA.urn(), csv)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postCsv(officerA, schoolA.urn(), csv)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void onlyAdministratorsManageSchoolsAndUsers() {
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(schoolA.urn()), null);
        var user = java.util.Map.of("username", "someone.new", "password", "long-enough-password", "roles",
                java.util.List.of("LA_OFFICER"), "laCode", schoolA.laCode());

        assertThat(http.withBasicAuth(officer, PASSWORD).postForEntity("/api/users", user, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(officer, PASSWORD).postForEntity("/api/schools", java.util.Map.of("urn", "123456"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(fixtures.admin(), PASSWORD).postForEntity("/api/users", user, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void anUnknownUserOrWrongPasswordGets401() {
        assertThat(http.withBasicAuth("nobody", "nothing").getForEntity("/api/pupils/" + pupilA + "/attendance",
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/pupils/" + pupilA + "/attendance", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void everyReadOfAPupilRecordIsAudited() {
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(schoolA.urn()), null);

        status(officer, "/api/pupils/" + pupilA + "/attendance");
        status(officer, "/api/pupils/" + pupilA + "/marks");

        assertThat(jdbc.queryForList("select detail from audit_event where username = ? and action = 'READ_PUPIL' "
                + "and subject_type = 'pupil' and subject_id = ? order by id", String.class, officer, pupilA))
                .hasSize(2).allSatisfy(d -> assertThat(d).containsAnyOf("attendance", "marks"));
    }

    private HttpStatus status(String user, String path) {
        return HttpStatus.valueOf(http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class).getStatusCode().value());
    }

    private HttpStatus postCsv(String user, String urn, String csv) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        return HttpStatus.valueOf(http.withBasicAuth(user, PASSWORD).postForEntity("/api/schools/" + urn + "/marks",
                new HttpEntity<>(csv, headers), String.class).getStatusCode().value());
    }
}
