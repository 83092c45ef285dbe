package org.openattendance.casework.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.springframework.stereotype.Component;

/** Records the outcome of a contact with the parents on the timeline. */
@Component("recordContactOutcome")
class RecordContactOutcome implements JavaDelegate {

    private final CaseStore cases;

    RecordContactOutcome(CaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.addEvent(CaseVariables.caseId(execution), CaseEventKind.TASK, "Reason for the absence recorded",
                "code " + execution.getVariable("code"), null);
    }
}
