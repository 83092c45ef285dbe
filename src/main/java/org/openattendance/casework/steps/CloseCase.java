package org.openattendance.casework.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.springframework.stereotype.Component;

/** Closes the case; input parameter {@code closedReason} says why. */
@Component("closeCase")
class CloseCase implements JavaDelegate {

    private final CaseStore cases;

    CloseCase(CaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var id = CaseVariables.caseId(execution);
        String reason = (String) execution.getVariableLocal("closedReason");
        cases.close(id, reason);
        cases.addEvent(id, CaseEventKind.STAGE, "Case closed", reason, null);
    }
}
