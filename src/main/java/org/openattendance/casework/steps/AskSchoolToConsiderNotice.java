package org.openattendance.casework.steps;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openattendance.casework.CaseEngine;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.springframework.stereotype.Component;

/** The support ladder ran out: ask the school to consider a notice, as when the penalty threshold is met. */
@Component("askSchoolToConsiderNotice")
class AskSchoolToConsiderNotice implements JavaDelegate {

    private final CaseStore cases;
    private final CaseEngine engine;

    AskSchoolToConsiderNotice(CaseStore cases, CaseEngine engine) {
        this.cases = cases;
        this.engine = engine;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.addEvent(CaseVariables.caseId(execution), CaseEventKind.STAGE, "Support did not work: consider a notice",
                null, null);
        engine.correlate(execution.getProcessInstanceId(), "PenaltyThresholdMet", Map.of());
    }
}
