package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.openattendance.legal.LegalFixtures.weekOf;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseProcessSupport;
import org.openattendance.casework.CaseProcessSupport.TestCase;
import org.openattendance.casework.CaseStore;
import org.openattendance.casework.Stage;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attendance case reaching its legal stages: a term-time holiday straight to the school's request (no Notice to
 * Improve), the request refused while evidence is missing, the LA's decision through the task API, a notice per
 * parent in its own process, payment back to monitoring; more information asked and supplied; the third occasion
 * to the LA's route decision and a prosecution; a Notice to Improve that worked. The stage on the case and in the
 * inbox is the legal stage the pupil is at.
 */
@IntegrationTest
class CaseLegalRouteTest {

    static final LocalDate SAM_BORN = LocalDate.of(1984, 6, 2);

    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseProcessSupport cases;
    @Autowired
    LegalFixtures families;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PenaltyRequests requests;
    @Autowired
    PenaltyNotices notices;
    @Autowired
    NoticesToImprove noticesToImprove;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    TestCase c;
    String schoolOfficer;
    String laOfficer;

    @BeforeEach
    void aCase() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(new Date());
        c = cases.openCase();
        schoolOfficer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(c.schoolUrn()), null);
        laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), c.laCode());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    long pupilId() {
        return jdbc.queryForObject("select id from pupil where upn = ?", Long.class, c.upn());
    }

    Map<String, Object> holidayRequest(LocalDate dateOfBirth) {
        var parent = new java.util.HashMap<String, Object>(Map.of("name", "Sam Parent", "address", "1 High Street, Northtown"));
        if (dateOfBirth != null) {
            parent.put("dateOfBirth", dateOfBirth.toString());
        }
        return Map.of("route", "TERM_TIME_HOLIDAY", "periodFrom", weekOf(3).get(0).toString(),
                "periodTo", weekOf(3).get(4).toString(), "schoolStatement", "Taken on holiday after leave was refused",
                "parents", List.of(parent));
    }

    ResponseEntity<Map> request(Map<String, Object> body) {
        return http.withBasicAuth(schoolOfficer, PASSWORD).postForEntity("/api/pupils/" + c.upn()
                + "/penalty-notice-requests", body, Map.class);
    }

    ResponseEntity<String> complete(String user, Task task, Map<String, Object> form) {
        return http.withBasicAuth(user, PASSWORD).postForEntity("/api/tasks/" + task.getId() + "/complete", form, String.class);
    }

    /** The open tasks of the case and of every process it called. */
    List<Task> open(String taskKey) {
        var found = new ArrayList<Task>();
        for (String id : family()) {
            found.addAll(engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey(taskKey).list());
        }
        return found;
    }

    List<String> family() {
        var ids = new ArrayList<String>(List.of(c.id()));
        for (int i = 0; i < ids.size(); i++) {
            engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
                    .forEach(p -> ids.add(p.getId()));
        }
        return ids;
    }

    void passTo(LocalDate day) {
        LegalProcessSupport.today(day, LocalTime.of(10, 0));
        for (boolean again = true; again; ) {
            again = false;
            for (String id : family()) {
                for (Job job : engine.getManagementService().createJobQuery().processInstanceId(id).timers().list()) {
                    if (!job.getDuedate().after(ClockUtil.getCurrentTime())) {
                        engine.getManagementService().executeJob(job.getId());
                        again = true;
                    }
                }
            }
        }
    }

    void toTheRequest() {
        families.marks(pupilId(), "G", weekOf(3));
        cases.send(c, "PenaltyThresholdMet");
        cases.complete(c, "consider-notice", "recommendation", "PENALTY_NOTICE");
    }

    @Test
    void aTermTimeHolidayGoesStraightToTheRequestAndAPaidNoticeTakesTheCaseBackToMonitoring() {
        toTheRequest();
        assertThat(cases.stage(c)).isEqualTo(Stage.PENALTY_NOTICE_REQUEST);
        assertThat(open("issue-nti")).isEmpty();

        var sent = request(holidayRequest(SAM_BORN));

        assertThat(sent.getStatusCode().value()).as(String.valueOf(sent.getBody())).isEqualTo(201);
        assertThat(open("request-notice")).isEmpty();
        Task decision = cases.one(c, "decide-request");
        assertThat(decision).hasCandidateGroup("la-" + c.laCode() + "-attendance");
        assertThat(engine.getTaskService().getVariable(decision.getId(), "requestSummary").toString())
                .contains("A term-time holiday").contains("Sam Parent").contains("occasion 1: £80.00 if paid within 21 days");
        assertThat(complete(laOfficer, decision, Map.of("requestDecision", "APPROVE", "decisionReasons", "Meets the code"))
                .getStatusCode().value()).isEqualTo(204);

        assertThat(cases.stage(c)).isEqualTo(Stage.PENALTY_NOTICE);
        PenaltyNotice notice = notices.ofPupil(pupilId()).get(0);
        assertThat(open("record-service")).singleElement().satisfies(t ->
                assertThat(t).hasCandidateGroup("la-" + c.laCode() + "-attendance"));
        List<Map<String, Object>> inbox = http.withBasicAuth(laOfficer, PASSWORD).exchange("/api/tasks?upn=" + c.upn(),
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(inbox).anySatisfy(t -> assertThat(t).containsEntry("taskKey", "record-service")
                .containsEntry("stage", "PENALTY_NOTICE").containsEntry("upn", c.upn()));
        assertThat((List<Map<String, Object>>) http.withBasicAuth(laOfficer, PASSWORD)
                .getForObject("/api/pupils/" + c.upn() + "/case", Map.class).get("openTasks"))
                .extracting(t -> t.get("taskKey")).contains("record-service");

        var paid = http.withBasicAuth(laOfficer, PASSWORD).postForEntity("/api/penalty-notices/" + notice.number()
                + "/payments", Map.of("amount", 80, "paidOn", Fixtures.today().toString(), "reference", "CARD-1"), Map.class);

        assertThat(paid.getStatusCode().value()).isEqualTo(201);
        assertThat(c.instance()).hasPassed("legal-monitoring", "legal-stages-finished");
        assertThat(cases.stage(c)).isEqualTo(Stage.MONITORING);
    }

    @Test
    void aRequestWithAMissingItemIsRefusedNamingItAndTheSchoolsTaskStaysOpen() {
        toTheRequest();

        var refused = request(holidayRequest(null));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) refused.getBody().get("problems")).singleElement().satisfies(p ->
                assertThat(p).containsEntry("where", "parents[0].dateOfBirth")
                        .containsEntry("message", "date of birth of Sam Parent is missing"));
        assertThat(open("request-notice")).hasSize(1);
        assertThat(open("decide-request")).isEmpty();
        assertThat(requests.ofPupil(pupilId())).isEmpty();
    }

    @Test
    void aRequestTheCaseIsNotWaitingForIsRefused() {
        families.marks(pupilId(), "G", weekOf(3));
        var refused = request(holidayRequest(SAM_BORN));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(requests.ofPupil(pupilId())).isEmpty();
    }

    @Test
    void theLaAsksForMoreTheSchoolSuppliesItAndTheLaRefusesWithReasonsTheSchoolSees() {
        toTheRequest();
        request(holidayRequest(SAM_BORN));
        complete(laOfficer, cases.one(c, "decide-request"), Map.of("requestDecision", "MORE_INFORMATION",
                "decisionReasons", "Was the leave request refused in writing?"));

        Task supply = cases.one(c, "supply-information");
        assertThat(supply).hasCandidateGroup("school-" + c.schoolUrn() + "-attendance");
        assertThat(engine.getTaskService().getVariable(supply.getId(), "informationRequested"))
                .isEqualTo("Was the leave request refused in writing?");
        assertThat(complete(schoolOfficer, supply, Map.of("informationSupplied", "Yes, on 2 October"))
                .getStatusCode().value()).isEqualTo(204);
        var refused = complete(laOfficer, cases.one(c, "decide-request"), Map.of("requestDecision", "REFUSE",
                "decisionReasons", "The holiday was before the LA's code of conduct applied"));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(204);

        assertThat(c.instance()).hasPassed("request-refused");
        assertThat(cases.stage(c)).isEqualTo(Stage.MONITORING);
        var seen = http.withBasicAuth(schoolOfficer, PASSWORD).exchange("/api/pupils/" + c.upn() + "/penalty-notice-requests",
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("status", "REFUSED").containsEntry("informationSupplied", "Yes, on 2 October");
            assertThat((Map<String, Object>) r.get("decision"))
                    .containsEntry("reasons", "The holiday was before the LA's code of conduct applied");
        });
        assertThat(notices.ofPupil(pupilId())).isEmpty();
    }

    @Test
    void aThirdOccasionGoesToTheLasRouteDecisionAndAProsecutionStartsWithTheEsoConsideration() {
        var sam = new RequestForm.ParentLine("Sam Parent", "1 High Street, Northtown", SAM_BORN, null);
        for (int weeks : List.of(20, 15)) {
            families.marks(pupilId(), "G", weekOf(weeks));
            var earlier = requests.submit(c.caseId(), c.upn(), LegalFixtures.holiday(weeks, sam), "officer.test");
            requests.approve(earlier.id(), "la.test", null);
        }
        toTheRequest();
        request(holidayRequest(SAM_BORN));
        complete(laOfficer, cases.one(c, "decide-request"), Map.of("requestDecision", "APPROVE"));

        assertThat(open("record-service")).isEmpty();
        Task route = cases.one(c, "route-decision");
        assertThat(route).hasCandidateGroup("la-" + c.laCode() + "-attendance");
        assertThat(cases.stage(c)).isEqualTo(Stage.LEGAL_ROUTE_DECISION);
        assertThat(complete(laOfficer, route, Map.of("legalRoute", "PROSECUTE", "legalRouteReasons",
                "Three holidays in two years; support refused")).getStatusCode().value()).isEqualTo(204);

        assertThat(open("consider-eso")).hasSize(1);
        assertThat(cases.stage(c)).isEqualTo(Stage.PROSECUTION);
    }

    @Test
    void aNoticeToImproveThatWorkedTakesTheCaseBackToMonitoring() {
        cases.send(c, "PenaltyThresholdMet");
        cases.complete(c, "consider-notice", "recommendation", "NOTICE_TO_IMPROVE");
        cases.complete(c, "la-decision", "laDecision", "ISSUE_NOTICE_TO_IMPROVE", "ntiIssuedBy", "LA");
        Task issue = open("issue-nti").get(0);
        assertThat(issue).hasCandidateGroup("la-" + c.laCode() + "-attendance");
        assertThat(complete(laOfficer, issue, Map.of("supportGiven", "Two meetings and a plan", "supportAvailable",
                "Family support", "contactName", "Mr Lee", "contactPhone", "01234 567890")).getStatusCode().value())
                .isEqualTo(204);
        var notice = noticesToImprove.ofPupil(pupilId()).get(0);
        assertThat(notice.issuedBy()).isEqualTo(Issuer.LA);

        passTo(notice.period().end().plusDays(1));

        assertThat(c.instance()).hasPassed("nti-monitoring", "nti-improved");
        assertThat(cases.stage(c)).isEqualTo(Stage.MONITORING);
    }
}
