package org.openattendance.casework.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.openattendance.casework.CaseEngine;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.springframework.stereotype.Component;

/**
 * On every business rule task of the case (added by {@code CaseTimelinePlugin}): which table, in which deployed
 * version, decided what. The version is the one the engine evaluated, read from the engine command that evaluated
 * it, not looked up again.
 */
@Component("decisionLog")
class DecisionLog implements ExecutionListener {

    private final CaseStore cases;
    private final CaseEngine engine;

    DecisionLog(CaseStore cases, CaseEngine engine) {
        this.cases = cases;
        this.engine = engine;
    }

    @Override
    public void notify(DelegateExecution execution) {
        var element = (BusinessRuleTask) execution.getBpmnModelElementInstance();
        String key = element.getCamundaDecisionRef();
        String result = element.getCamundaResultVariable();
        cases.addDecision(CaseVariables.caseId(execution), CaseEventKind.DECISION, element.getName(),
                result + " = " + execution.getVariable(result), null, key, engine.evaluatedDecisionVersion(key));
    }
}
