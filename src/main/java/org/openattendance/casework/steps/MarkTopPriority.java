package org.openattendance.casework.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.openattendance.casework.Priority;
import org.springframework.stereotype.Component;

/** Severe absence: the case becomes top priority, and the timeline says why. */
@Component("markTopPriority")
class MarkTopPriority implements JavaDelegate {

    private final CaseStore cases;

    MarkTopPriority(CaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var id = CaseVariables.caseId(execution);
        cases.changePriority(id, Priority.TOP);
        cases.addEvent(id, CaseEventKind.STAGE, "Priority: TOP", "Severe absence", null);
    }
}
