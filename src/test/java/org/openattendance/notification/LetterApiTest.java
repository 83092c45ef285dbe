package org.openattendance.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
@Import(Families.class)
class LetterApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Letters letters;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Families families;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    Fixtures.TestSchool school;
    String laOfficer;

    @BeforeEach
    void setUp() {
        school = fixtures.school(fixtures.newLaCode());
        laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), school.laCode());
    }

    @Test
    void anLasOwnTemplateReplacesTheDefaultForItsSchoolsOnly() {
        var otherSchool = fixtures.school(fixtures.newLaCode());

        var saved = put(laOfficer, "/api/letter-templates/below-95-percent",
                Map.of("subject", "Attendance of [[${pupil.forename}]]",
                        "body", "<p>Our own words for [[${parent.name}]] at [[${fields.attendancePercent}]]%.</p>"));
        var own = issue(families.family(school));
        var other = issue(families.family(otherSchool));

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody()).containsEntry("laCode", school.laCode()).containsEntry("source", "LA")
                .containsEntry("updatedBy", laOfficer);
        assertThat(own.subject()).isEqualTo("Attendance of Alex");
        assertThat(own.html()).contains("Our own words for Mo Rivers and Dan Rivers and Gail Rivers at 93.4%.");
        assertThat(other.subject()).isEqualTo("Alex's attendance at Test School " + otherSchool.urn());
        assertThat(other.html()).doesNotContain("Our own words");
        var listed = http.withBasicAuth(laOfficer, PASSWORD).getForEntity("/api/letter-templates", Map[].class);
        assertThat(listed.getBody()).hasSize(LetterTemplates.KEYS.size())
                .anySatisfy(t -> assertThat(t).containsEntry("key", "below-95-percent").containsEntry("source", "LA"))
                .anySatisfy(t -> assertThat(t).containsEntry("key", "notice-to-improve").containsEntry("source", "DEFAULT"));
    }

    @Test
    void aTemplateThatDoesNotRenderIsRefusedAndNotStored() {
        var broken = put(laOfficer, "/api/letter-templates/meeting-invitation",
                Map.of("subject", "Meeting", "body", "<p th:text=\"${pupil.forename\">name</p>"));
        var unknownValue = put(laOfficer, "/api/letter-templates/meeting-invitation",
                Map.of("subject", "Meeting", "body", "<p>[[${pupil.shoeSize}]]</p>"));
        var methodCall = put(laOfficer, "/api/letter-templates/meeting-invitation",
                Map.of("subject", "Meeting", "body", "<p>[[${T(java.lang.Runtime).getRuntime()}]]</p>"));

        assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(broken.getBody().get("error").toString()).contains("cannot be rendered", "meeting-invitation");
        assertThat(unknownValue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownValue.getBody().get("error").toString()).contains("shoeSize");
        assertThat(methodCall.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select count(*) from letter_template where la_code = ?", Integer.class,
                school.laCode())).isZero();
    }

    @Test
    void onlyAnLaOfficerForTheirOwnLaOrAnAdministratorMayEditTemplates() {
        String schoolOfficer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        var edit = Map.of("subject", "Attendance", "body", "<p>Hello</p>");

        assertThat(put(schoolOfficer, "/api/letter-templates/below-95-percent", edit).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put(laOfficer, "/api/letter-templates/below-95-percent?laCode=" + fixtures.newLaCode(), edit)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put(fixtures.admin(), "/api/letter-templates/below-95-percent?laCode=" + school.laCode(), edit)
                .getBody()).containsEntry("laCode", school.laCode());
        assertThat(put(laOfficer, "/api/letter-templates/no-such-letter", edit).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aLetterAndItsPdfAreShownOnlyToStaffWhoMaySeeThePupil() {
        var family = families.family(school);
        UUID id = letters.issue(new LetterRequest("step-" + UUID.randomUUID(), "below-95-percent", null,
                family.pupilId(), Families.below95Fields())).id();
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        String elsewhere = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(fixtures.school(school.laCode()).urn()), null);

        var html = http.withBasicAuth(officer, PASSWORD).getForEntity("/api/letters/" + id, String.class);
        var pdf = http.withBasicAuth(officer, PASSWORD).getForEntity("/api/letters/" + id + "/pdf", byte[].class);
        var hiddenHtml = http.withBasicAuth(elsewhere, PASSWORD).getForEntity("/api/letters/" + id, String.class);
        var hiddenPdf = http.withBasicAuth(elsewhere, PASSWORD).getForEntity("/api/letters/" + id + "/pdf", byte[].class);

        assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(html.getBody()).contains("Dear Mo Rivers");
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(pdf.getBody(), 0, 4)).isEqualTo("%PDF");
        var listed = http.withBasicAuth(officer, PASSWORD).getForEntity("/api/pupils/" + family.upn() + "/letters", Map[].class);
        assertThat(listed.getBody()).singleElement().satisfies(letter -> {
            assertThat(letter).containsEntry("id", id.toString()).containsEntry("templateKey", "below-95-percent");
            assertThat(letter.get("recipients").toString()).containsSubsequence("channel=EMAIL", "channel=EMAIL", "channel=PRINT");
        });
        assertThat(hiddenHtml.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(hiddenPdf.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'READ_PUPIL' and subject_id = ?",
                Integer.class, officer, family.upn())).isEqualTo(3);
    }

    @Test
    void aLetterRequestedByACaseStepIsIssuedOnce() {
        var family = families.family(school);
        String step = "case-step-" + UUID.randomUUID();
        UUID caseId = UUID.randomUUID();

        // The same step asking twice, e.g. after a retry of the step in the engine.
        transaction.executeWithoutResult(tx -> events.publishEvent(meetingLetter(step, caseId, family, "9.30am")));
        transaction.executeWithoutResult(tx -> events.publishEvent(meetingLetter(step, caseId, family, "9.45am")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select subject from letter where step_key = ?", String.class, step))
                .containsExactly("An invitation to talk about Alex's attendance"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null and serialized_event like ?",
                Integer.class, "%" + step + "%")).isZero());
        assertThat(jdbc.queryForObject("select count(*) from outbox_message o join letter l on l.id = o.letter_id where l.step_key = ?",
                Integer.class, step)).isEqualTo(2);
    }

    @Test
    void aLetterIsDatedWhenItsStepAskedForItNotWhenTheListenerMadeIt() {
        var family = families.family(school);
        String step = "case-step-" + UUID.randomUUID();
        // A step taken on 9 September 2026 (a retried event, or the demo's story of a case taken weeks ago).
        java.time.Instant asked = java.time.Instant.parse("2026-09-09T09:30:00Z");
        var request = meetingLetter(step, UUID.randomUUID(), family, "9.30am");
        transaction.executeWithoutResult(tx -> events.publishEvent(new LetterRequested(request.stepKey(),
                request.templateKey(), request.caseId(), request.pupilId(), request.upn(), request.schoolUrn(),
                request.laCode(), request.fields(), null, asked)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from letter where step_key = ?", Integer.class, step)).isEqualTo(1));
        var letter = letters.find(jdbc.queryForObject("select id from letter where step_key = ?", UUID.class, step))
                .orElseThrow();
        assertThat(letter.createdAt()).isEqualTo(asked);
        assertThat(letter.html()).contains("9 September 2026")
                .doesNotContain(org.openattendance.shared.BritishDates.day(Fixtures.today()));
        assertThat(letters.ofPupil(family.pupilId())).extracting(Letters.LetterSummary::createdAt).containsExactly(asked);
    }

    private LetterRequested meetingLetter(String step, UUID caseId, Families.Family family, String time) {
        return new LetterRequested(step, "meeting-invitation", caseId, family.pupilId(), family.upn(), school.urn(),
                school.laCode(), Map.of("meetingDate", "Tuesday 3 March", "meetingTime", time,
                "meetingPlace", "the school office", "contactName", "Ms Jones", "contactPhone", "01234 567890"));
    }

    private Letters.StoredLetter issue(Families.Family family) {
        UUID id = letters.issue(new LetterRequest("step-" + UUID.randomUUID(), "below-95-percent", null,
                family.pupilId(), Families.below95Fields())).id();
        return letters.find(id).orElseThrow();
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> put(String user, String url, Map<String, String> body) {
        return http.withBasicAuth(user, PASSWORD).exchange(url, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }
}
