package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** An administrator searches the audit trail by pupil and by user, in plain English and British dates, 50 to a page. */
@IntegrationTest
class AuditPagesTest {

    private static final String BRITISH_TIME = "\\d{1,2} (January|February|March|April|May|June|July|August|September"
            + "|October|November|December) \\d{4}, \\d{2}:\\d{2}";

    @Autowired
    TestRestTemplate template;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void byPupilItShowsWhoSawTheRecordAndWhoTriedTo() {
        String la = fixtures.newLaCode();
        var school = fixtures.school(la);
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        String stranger = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(fixtures.school(la).urn()), null);
        String upn = fixtures.pupils(school, 1).get(0);
        template.withBasicAuth(officer, PASSWORD).getForEntity("/api/pupils/" + upn + "/marks", String.class);
        template.withBasicAuth(stranger, PASSWORD).getForEntity("/api/pupils/" + upn + "/marks", String.class);
        var admin = signedInAdmin();

        var page = admin.get("/admin/audit?upn=" + upn.toLowerCase());

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String body = page.getBody();
        assertThat(body).contains("<h1 class=\"govuk-heading-l\">Audit trail</h1>")
                .contains("Everything recorded about Alex Pupil" + upn.substring(9))
                .contains("Saw a pupil&#39;s record").contains("Tried to see a pupil&#39;s record")
                .contains("govuk-tag govuk-tag--red\">Refused</strong>")
                .contains("Test ATTENDANCE_OFFICER (" + officer + ")").contains(stranger)
                .contains("Attendance officer").contains("Pupil outside their scope")
                .doesNotContain("READ_PUPIL").doesNotContain("ALLOWED");
        assertThat(body).containsPattern(BRITISH_TIME)
                .as("dates in the details read as British dates").containsPattern("Marks \\d{1,2} [A-Z][a-z]+ \\d{4} to \\d{1,2} [A-Z][a-z]+ \\d{4}");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where pupil_upn = ? and subject_type = 'audit'",
                Integer.class, upn)).as("the search itself is audited").isEqualTo(1);
        assertThat(jdbc.queryForObject("select action from audit_event where pupil_upn = ? and subject_type = 'audit'",
                String.class, upn)).as("searching is not reading the record").isEqualTo("ADMINISTER");

        var refusedOnly = admin.get("/admin/audit?upn=" + upn + "&refused=yes").getBody();
        assertThat(refusedOnly).contains(stranger).doesNotContain("(" + officer + ")");
    }

    @Test
    void byUserItPagesThroughEverythingTheyDidFiftyAtATime() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        var upns = fixtures.pupils(school, 3);
        for (int i = 0; i < 55; i++) {
            template.withBasicAuth(officer, PASSWORD).getForEntity("/api/pupils/" + upns.get(i % 3) + "/attendance", String.class);
        }
        var admin = signedInAdmin();

        var first = admin.get("/admin/audit?username=" + officer).getBody();
        assertThat(first).contains("Showing 1 to 50 of 55 events, newest first")
                .contains("href=\"/admin/audit?username=" + officer + "&amp;page=2\"");
        assertThat(first.split("<tr class=\"govuk-table__row\">", -1)).hasSize(1 + 1 + 50);
        var second = admin.get("/admin/audit?username=" + officer + "&page=2").getBody();
        assertThat(second).contains("Showing 51 to 55 of 55 events");
        assertThat(admin.get("/admin/audit?username=nobody.at.all").getBody()).contains("Nothing matches the search.");
    }

    @Test
    void aMistakeInTheSearchIsExplainedAndOnlyAdministratorsMaySearch() {
        var admin = signedInAdmin();

        var bad = admin.get("/admin/audit?upn=12345&from-day=31&from-month=2&from-year=2026");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("There is a problem").contains("href=\"#upn\"").contains("Enter a UPN of 13 characters")
                .contains("href=\"#from-day\"").contains("Date from must be a real date");
        var noMonth = admin.get("/admin/audit?to-day=1&to-year=2026");
        assertThat(noMonth.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noMonth.getBody()).contains("href=\"#to-month\"").contains("Date to must include a month")
                .contains("id=\"to-day\" name=\"to-day\"");

        var school = fixtures.school(fixtures.newLaCode());
        var officer = new SignedInClient(template);
        officer.signIn(fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null), PASSWORD);
        assertThat(officer.get("/admin/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin.get("/admin").getBody()).contains("href=\"/admin/audit\"");
    }

    private SignedInClient signedInAdmin() {
        var admin = new SignedInClient(template);
        admin.signIn(fixtures.admin(), PASSWORD);
        return admin;
    }
}
