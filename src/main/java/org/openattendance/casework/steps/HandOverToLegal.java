package org.openattendance.casework.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.openattendance.casework.Stage;
import org.springframework.stereotype.Component;

/** The point where the legal stages take the case over, by the LA's decision; recorded on the timeline. */
@Component("handOverToLegal")
class HandOverToLegal implements JavaDelegate {

    private final CaseStore cases;

    HandOverToLegal(CaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var id = CaseVariables.caseId(execution);
        String decision = (String) execution.getVariable("laDecision");
        Stage stage = "ISSUE_PENALTY_NOTICE".equals(decision) ? Stage.PENALTY_NOTICE : Stage.NOTICE_TO_IMPROVE;
        cases.changeStage(id, stage);
        cases.addEvent(id, CaseEventKind.STAGE, "Handed over to the legal stages: " + stage,
                "The case waits for the outcome of the legal process", null);
    }
}
