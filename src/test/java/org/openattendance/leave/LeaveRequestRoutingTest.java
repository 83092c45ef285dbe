package org.openattendance.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fast tier: the routes through processes/leave-request.bpmn on an in-memory process engine, with every step the
 * model names replaced by a recording mock (no Spring, no PostgreSQL, no register). The reason screen is the real
 * DMN table. What the steps do to the request and the register is LeaveRequestProcessTest's part, on the full
 * application.
 */
@Deployment(resources = {"processes/leave-request.bpmn", "processes/leave-reason-screen.dmn"})
class LeaveRequestRoutingTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-routing.cfg.xml").build();

    private final List<String> stepsRun = new ArrayList<>();
    private final Date now = new Date();

    /** What the mocked register check finds: away on refused days or not. */
    private boolean awayWithoutLeave;

    @BeforeEach
    void mockTheSteps() {
        // Other tests in the same JVM start engines of their own; the assertions must use this one.
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(now);
        Mocks.register("leaveRequestChecked", (TaskListener) task -> stepsRun.add("request checked"));
        Mocks.register("leaveReasonScreened", (ExecutionListener) execution -> stepsRun.add("screened: "
                + execution.getVariable("screenAdvice")));
        Mocks.register("leaveDecisionMade", (TaskListener) task -> {
            String decision = (String) task.getVariable("decision");
            task.setVariable("grantedAny", !"REFUSE".equals(decision));
            task.setVariable("registerCheckAt", later(Duration.ofDays(14)));
            stepsRun.add("decided: " + decision);
        });
        Mocks.register("leaveDecisionLetter", (JavaDelegate) execution -> stepsRun.add("decision letter"));
        Mocks.register("leaveGrantedSessions", (JavaDelegate) execution -> stepsRun.add("granted sessions recorded"));
        Mocks.register("leaveRegisterChecked", (JavaDelegate) execution -> {
            execution.setVariable("absentWithoutLeave", awayWithoutLeave);
            execution.setVariable("recodeDue", later(Duration.ofDays(3)));
            stepsRun.add("register checked");
        });
        Mocks.register("leaveRecodeAnswered", (TaskListener) task -> stepsRun.add("recode answered"));
        Mocks.register("leaveRecodedAsG", (JavaDelegate) execution -> stepsRun.add("recoded as G"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void grantedLeaveIsCheckedScreenedDecidedLetteredRecordedAndTheRegisterLookedAtAfterwards() {
        ProcessInstance request = start("FUNERAL", 2.0);
        assertThat(request).isWaitingAt("check-request");
        assertThat(task()).hasCandidateGroup("school-100001-attendance");

        complete(task());
        assertThat(request).hasPassed("screen-reason").isWaitingAt("decide");
        assertThat(task()).hasCandidateGroup("school-100001-headteacher");
        assertThat(runtimeService().getVariable(request.getId(), "screenAdvice")).isEqualTo("LIKELY_C");

        complete(task(), withVariables("decision", "GRANT"));
        assertThat(request).hasPassed("send-letter", "record-granted").isWaitingAt("week-after-leave");

        execute(job());
        assertThat(request).hasPassed("check-register", "in-school").isEnded();
        assertThat(stepsRun).containsExactly("request checked", "screened: LIKELY_C", "decided: GRANT",
                "decision letter", "granted sessions recorded", "register checked");
    }

    @Test
    void refusedLeaveTakenAnywayIsRecodedOnlyAfterTheOfficerConfirms() {
        ProcessInstance request = start("FAMILY_HOLIDAY", 5.0);
        assertThat(request).isWaitingAt("check-request");
        complete(task());
        assertThat(runtimeService().getVariable(request.getId(), "screenAdvice"))
                .isEqualTo("NOT_EXCEPTIONAL_UNLESS_HEAD_FINDS_OTHERWISE");
        complete(task(), withVariables("decision", "REFUSE"));
        assertThat(request).hasPassed("send-letter").hasNotPassed("record-granted").isWaitingAt("week-after-leave");

        awayWithoutLeave = true;
        execute(job());
        assertThat(request).isWaitingAt("confirm-recode");
        assertThat(task()).hasCandidateGroup("school-100001-attendance");

        complete(task(), withVariables("confirmRecode", "YES"));
        assertThat(request).hasPassed("recode-as-g", "recorded-as-g").isEnded();
        assertThat(stepsRun).endsWith("register checked", "recode answered", "recoded as G");
    }

    @Test
    void theOfficerMayKeepTheAbsenceAsRecorded() {
        ProcessInstance request = start("FAMILY_HOLIDAY", 5.0);
        assertThat(request).isWaitingAt("check-request");
        complete(task());
        complete(task(), withVariables("decision", "REFUSE"));
        awayWithoutLeave = true;
        execute(job());

        complete(task(), withVariables("confirmRecode", "NO"));
        assertThat(request).hasPassed("not-recoded").hasNotPassed("recode-as-g").isEnded();
        assertThat(stepsRun).doesNotContain("recoded as G");
    }

    @Test
    void anOverdueDecisionIsChasedWhileItStaysWithTheHeadteacher() {
        ProcessInstance request = start("WEDDING", 1.0);
        assertThat(request).isWaitingAt("check-request");
        complete(task());
        assertThat(request).isWaitingAt("decide");

        execute(job());
        assertThat(request).isWaitingAt("decide", "chase-decision");
        assertThat(task("chase-decision")).hasCandidateGroup("school-100001-managers");
    }

    @Test
    void aRequestWithdrawnBeforeItsDecisionEndsWithoutALetter() {
        ProcessInstance request = start("WEDDING", 1.0);
        assertThat(request).isWaitingAt("check-request");
        complete(task());

        runtimeService().createMessageCorrelation("LeaveWithdrawn").processInstanceId(request.getId()).correlate();
        assertThat(request).hasPassed("withdrawn-end").isEnded();
        assertThat(stepsRun).doesNotContain("decision letter");
    }

    private ProcessInstance start(String reason, double schoolDays) {
        return runtimeService().startProcessInstanceByKey("leave-request", "A123-leave-1", Map.of(
                "leaveRequestId", "00000000-0000-0000-0000-000000000001", "upn", "A123", "schoolUrn", "100001",
                "reason", reason, "schoolDays", schoolDays, "checkDue", later(Duration.ofDays(2)),
                "decisionDue", later(Duration.ofDays(5))));
    }

    private Date later(Duration duration) {
        return new Date(now.getTime() + duration.toMillis());
    }
}
