package org.openattendance.leave;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
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
    private final LeaveDueDates dueDates;

    LeaveProcess(RuntimeService runtime, RepositoryService repository, LeaveDueDates dueDates) {
        this.runtime = runtime;
        this.repository = repository;
        this.dueDates = dueDates;
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
        variables.put("checkDue", dueDates.check(request.schoolUrn(), now));
        variables.put("decisionDue", dueDates.decision(request.schoolUrn(), now, request.fromDate()));
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

    /** The engine's clock, which process tests move with ClockUtil. */
    public static Date now() {
        return ClockUtil.getCurrentTime();
    }
}
