package org.openattendance.casework.steps;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.openattendance.casework.Stage;
import org.springframework.stereotype.Component;

/**
 * The one way the case enters a stage: the step's input parameter {@code stage} names it (e.g. MEETING), so an LA
 * officer reads it in the model. A service task runs it as its delegate; a task that starts a stage has it as a
 * start listener. The case's stage changes and the timeline says so.
 */
@Component("enterStage")
class EnterStage implements JavaDelegate, ExecutionListener {

    private final CaseStore cases;

    EnterStage(CaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        enter(execution);
    }

    @Override
    public void notify(DelegateExecution execution) {
        enter(execution);
    }

    private void enter(DelegateExecution execution) {
        Object named = execution.getVariableLocal("stage");
        if (named == null) {
            throw new IllegalStateException("The step " + execution.getCurrentActivityId()
                    + " enters a stage but has no input parameter 'stage'");
        }
        Stage stage = Stage.valueOf(named.toString());
        UUID id = CaseVariables.caseId(execution);
        cases.changeStage(id, stage);
        cases.addEvent(id, CaseEventKind.STAGE, "Stage: " + stage, null, null);
    }
}
