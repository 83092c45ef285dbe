package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openattendance.IntegrationTest;
import org.openattendance.support.EngineAtNow;
import org.openattendance.casework.CaseProcessSupport.TestCase;
import org.openattendance.school.Cohort;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Who is told what beyond the school: the social worker, the Virtual School Head, the designated safeguarding lead. */
@IntegrationTest
@ExtendWith(EngineAtNow.class)
class CaseNoticesTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseProcessSupport cases;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    @Test
    void theSocialWorkerGetsATaskAndAnEmailWithoutThePupilsNameLinkingToTheTask() {
        String socialWorker = fixtures.userWithEmail(Role.SOCIAL_WORKER, Set.of(), null);
        TestCase c = cases.openCase(socialWorker, Set.of(Cohort.CHILD_IN_NEED));
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1);

        var task = cases.one(c, "tell-social-worker");
        assertThat(task).isAssignedTo(socialWorker);
        var mail = outboxFor(socialWorker + "@test.example");
        assertThat(mail).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Unexplained absence of a pupil you work with");
            assertThat(m.body()).contains("/tasks/" + task.getId()).doesNotContain("Test", c.upn());
        });
    }

    @Test
    void theVirtualSchoolHeadOfThePupilsLaGetsTheTaskAndAnEmailAndNoOtherLasHeadDoes() {
        TestCase c = cases.openCase(null, Set.of(Cohort.LOOKED_AFTER));
        String head = fixtures.userWithEmail(Role.VIRTUAL_SCHOOL_HEAD, Set.of(), c.laCode());
        String otherHead = fixtures.userWithEmail(Role.VIRTUAL_SCHOOL_HEAD, Set.of(), fixtures.school(fixtures.newLaCode()).laCode());
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1);

        var task = cases.one(c, "tell-virtual-school");
        assertThat(task).hasCandidateGroup("la-" + c.laCode() + "-virtual-school");
        assertThat(outboxFor(head + "@test.example")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("/tasks/" + task.getId()));
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Integer.class,
                otherHead + "@test.example")).isZero();
    }

    @Test
    void theSocialWorkersSafeguardingAnswerStartsTheReferralToChildrensSocialCare() {
        String socialWorker = fixtures.user(Role.SOCIAL_WORKER, Set.of(), null);
        TestCase c = cases.openCase(socialWorker, Set.of(Cohort.CHILD_IN_NEED));
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1);

        cases.complete(c, "tell-social-worker", "socialWorkerAction", "NOTED");
        assertThat(cases.open(c, "refer-social-care")).isEmpty();

        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 2);
        cases.complete(c, "tell-social-worker", "socialWorkerAction", "SAFEGUARDING");
        assertThat(cases.one(c, "refer-social-care")).hasCandidateGroup("school-" + c.schoolUrn() + "-headteacher");
        assertThat(cases.timeline(c)).anySatisfy(e -> assertThat(e.name()).isEqualTo("Safeguarding concern recorded"));
    }

    @Test
    void theVirtualSchoolHeadsSafeguardingConcernStartsTheReferralToo() {
        TestCase c = cases.openCase(null, Set.of(Cohort.LOOKED_AFTER));
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1);

        cases.complete(c, "tell-virtual-school", "virtualSchoolAction", "CONTACTING_CARERS", "safeguardingConcern", true);

        assertThat(cases.one(c, "refer-social-care")).hasName("Refer to children's social care");
    }

    @Test
    void throughTheTaskApiTheVirtualSchoolHeadSeesAndCompletesTheirTaskAndOthersDoNot() {
        TestCase c = cases.openCase(null, Set.of(Cohort.LOOKED_AFTER));
        String head = fixtures.user(Role.VIRTUAL_SCHOOL_HEAD, Set.of(), c.laCode());
        String laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), c.laCode());
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1);
        String taskId = cases.one(c, "tell-virtual-school").getId();

        assertThat(taskKeys(head, c.upn())).containsExactly("tell-virtual-school");
        assertThat(taskKeys(laOfficer, c.upn())).doesNotContain("tell-virtual-school");
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var done = http.withBasicAuth(head, Fixtures.PASSWORD).exchange("/api/tasks/" + taskId + "/complete",
                org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(java.util.Map.of(
                        "virtualSchoolAction", "CONTACTING_CARERS", "safeguardingConcern", true), headers), String.class);

        assertThat(done.getStatusCode().is2xxSuccessful()).as(done.getBody()).isTrue();
        assertThat(cases.one(c, "refer-social-care")).hasCandidateGroup("school-" + c.schoolUrn() + "-headteacher");
        assertThat(http.withBasicAuth(head, Fixtures.PASSWORD).getForEntity("/api/pupils/" + c.upn() + "/case",
                String.class).getStatusCode().value()).isEqualTo(200);
    }

    private List<String> taskKeys(String user, String upn) {
        var tasks = http.withBasicAuth(user, Fixtures.PASSWORD).exchange("/api/tasks?upn=" + upn,
                org.springframework.http.HttpMethod.GET, null,
                new org.springframework.core.ParameterizedTypeReference<List<java.util.Map<String, Object>>>() { }).getBody();
        return tasks.stream().map(t -> (String) t.get("taskKey")).toList();
    }

    record Mail(String subject, String body) {
    }

    private List<Mail> outboxFor(String recipient) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox_message where recipient = ?", Integer.class, recipient) > 0);
        return jdbc.query("select subject, body from outbox_message where recipient = ?",
                (rs, i) -> new Mail(rs.getString(1), rs.getString(2)), recipient);
    }
}
