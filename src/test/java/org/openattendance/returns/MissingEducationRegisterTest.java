package org.openattendance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.missingeducation.MissingEducationReferral;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The LA's register of children missing education: referrals taken once, enquiries, outcomes, scope. */
@IntegrationTest
class MissingEducationRegisterTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    org.openattendance.casework.CaseProcessSupport cases;

    @Test
    void theCaseLaddersReferralPutsTheChildOnTheRegisterOnce() {
        var kase = cases.openCase();
        transaction.executeWithoutResult(s -> cases.send(kase, "ContinuousAbsence"));
        assertThat(cases.one(kase, "cme-referral")).isNotNull();

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from cme_entry where upn = ? and source = 'CASE_LADDER' and la_code = ?", Integer.class,
                kase.upn(), kase.laCode()) == 1);
        assertThat(jdbc.queryForObject("select reason from cme_entry where upn = ?", String.class, kase.upn()))
                .contains("No contact by the referral day");
    }

    @Test
    void aReferralIsTakenOnceAndTheLaRecordsEnquiriesAndTheOutcomeWithinItsOwnLa() {
        var school = fixtures.school(fixtures.newLaCode());
        String upn = fixtures.pupils(school, 1).get(0);
        long pupilId = jdbc.queryForObject("select id from pupil where upn = ?", Long.class, upn);
        var referral = new MissingEducationReferral(pupilId, upn, school.urn(), school.laCode(),
                Fixtures.weekdaysAgo(15), "No contact by the referral day", "case-task:test-" + upn);
        transaction.executeWithoutResult(s -> events.publishEvent(referral));
        transaction.executeWithoutResult(s -> events.publishEvent(referral));   // delivered again
        String laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), school.laCode());
        String otherLa = fixtures.user(Role.LA_OFFICER, Set.of(), fixtures.school(fixtures.newLaCode()).laCode());
        String schoolOfficer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from cme_entry where upn = ?", Integer.class, upn) == 1);
        Map<String, Object> entry = list(laOfficer).stream().filter(e -> upn.equals(e.get("upn"))).findFirst().orElseThrow();
        long id = ((Number) entry.get("id")).longValue();
        assertThat(entry).containsEntry("source", "CASE_LADDER").containsEntry("open", true);
        assertThat(list(otherLa)).noneMatch(e -> upn.equals(e.get("upn")));
        assertThat(http.withBasicAuth(otherLa, PASSWORD).getForEntity("/api/missing-education/" + id, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(schoolOfficer, PASSWORD).getForEntity("/api/missing-education", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        var enquiry = http.withBasicAuth(laOfficer, PASSWORD).postForEntity("/api/missing-education/" + id + "/enquiries",
                Map.of("madeOn", Fixtures.weekdaysAgo(1).toString(), "enquiry", "Checked the admissions database"), Map.class);
        var noDetail = http.withBasicAuth(laOfficer, PASSWORD).postForEntity("/api/missing-education/" + id + "/outcome",
                Map.of("outcome", "MOVED_ABROAD"), Map.class);
        var closed = http.withBasicAuth(laOfficer, PASSWORD).postForEntity("/api/missing-education/" + id + "/outcome",
                Map.of("outcome", "MOVED_ABROAD", "detail", "Moved to Portugal, confirmed by the grandmother"), Map.class);

        assertThat(enquiry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(enquiry.getBody().get("enquiries").toString()).contains("Checked the admissions database");
        assertThat(enquiry.getBody().get("reviewDue")).isEqualTo(Fixtures.weekdaysAgo(1).plusDays(10).toString());
        assertThat(noDetail.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(closed.getBody()).containsEntry("outcome", "MOVED_ABROAD").containsEntry("open", false);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'READ_PUPIL'"
                + " and subject_id = ?", Integer.class, laOfficer, upn)).isGreaterThanOrEqualTo(1);
    }

    private List<Map<String, Object>> list(String user) {
        return http.withBasicAuth(user, PASSWORD).exchange("/api/missing-education", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    }
}
