package org.openattendance.leave;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.openattendance.shared.London;
import org.springframework.stereotype.Component;

/**
 * Every call the leave module makes into the process engine, in one place (see casework.CaseEngine). Public for the
 * process steps in {@code leave.steps}.
 */
@Component
public class LeaveProcess {

    static final String PROCESS = "leave-request";
    public static final String SCREEN = "leave-reason-screen";
    static final String WITHDRAWN = "LeaveWithdrawn";

    private final RuntimeService runtime;
    private final RepositoryService repository;

    LeaveProcess(RuntimeService runtime, RepositoryService repository) {
        this.runtime = runtime;
        this.repository = repository;
    }

    /**
     * Starts the request's process. The business key begins with the UPN, as a case's does, so the task API's
     * filter by pupil finds leave tasks too.
     */
    String start(LeaveRequest request, double schoolDays) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("leaveRequestId", request.id().toString());
        variables.put("upn", request.upn());
        variables.put("schoolUrn", request.schoolUrn());
        variables.put("reason", request.reason().name());
        variables.put("schoolDays", schoolDays);
        Date now = now();
        variables.put("checkDue", new Date(now.getTime() + Duration.ofDays(2).toMillis()));
        variables.put("decisionDue", decisionDue(now, request.fromDate()));
        return runtime.startProcessInstanceByKey(PROCESS, request.upn() + "-leave-" + request.id(), variables).getId();
    }

    /** Ends the process of a request withdrawn before its decision. */
    void withdraw(String processInstanceId) {
        runtime.createMessageCorrelation(WITHDRAWN).processInstanceId(processInstanceId).correlateAll();
    }

    public int latestScreenVersion() {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(SCREEN)
                .latestVersion().singleResult();
        return definition == null ? 0 : definition.getVersion();
    }

    /**
     * Five days from now, but the afternoon before the leave starts when that is sooner (the parents need the answer
     * before they go), and never less than a day away.
     */
    static Date decisionDue(Date now, LocalDate firstDay) {
        Date inFiveDays = new Date(now.getTime() + Duration.ofDays(5).toMillis());
        Date dayBefore = Date.from(firstDay.minusDays(1).atTime(LocalTime.of(16, 0)).atZone(London.ZONE).toInstant());
        Date tomorrow = new Date(now.getTime() + Duration.ofDays(1).toMillis());
        Date due = dayBefore.before(inFiveDays) ? dayBefore : inFiveDays;
        return due.before(tomorrow) ? tomorrow : due;
    }

    /** The engine's clock, which process tests move with ClockUtil. */
    public static Date now() {
        return ClockUtil.getCurrentTime();
    }
}
