package org.openattendance.casework.steps;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.casework.CaseEngine;
import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.springframework.stereotype.Component;

/**
 * On completing a task whose form can record a concern (first-day contact, home visit, meeting, the social worker's
 * and the Virtual School Head's notes): a ticked {@code safeguardingConcern}, or the social worker's answer
 * "Safeguarding concern" ({@code socialWorkerAction} SAFEGUARDING), starts the referral to children's social care
 * (message {@code SafeguardingConcern}); a ticked {@code referToLaNow} starts the children-missing-education
 * referral at once (message {@code ContinuousAbsence}), the "or sooner" of the 10-day rule. Both go on the timeline.
 */
@Component("concernCheck")
class ConcernCheck implements TaskListener {

    private final CaseStore cases;
    private final CaseEngine engine;

    ConcernCheck(CaseStore cases, CaseEngine engine) {
        this.cases = cases;
        this.engine = engine;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID caseId = CaseVariables.caseId(task.getExecution());
        String who = ExplainAbsence.recorder(task).username();
        boolean concern = ticked(task, "safeguardingConcern");
        if (answered(task, "socialWorkerAction", "SAFEGUARDING") || concern) {
            cases.addEvent(caseId, CaseEventKind.STAGE, "Safeguarding concern recorded",
                    "On: " + task.getName() + "; referral task for the designated safeguarding lead", who);
            engine.correlate(task.getProcessInstanceId(), "SafeguardingConcern", Map.of());
        }
        if (ticked(task, "referToLaNow")) {
            cases.addEvent(caseId, CaseEventKind.STAGE, "Referred to the local authority now",
                    "On: " + task.getName() + "; children-missing-education referral before the 10th day", who);
            engine.correlate(task.getProcessInstanceId(), "ContinuousAbsence", Map.of());
        }
    }

    /** A checkbox of the form just submitted; the variable is cleared so that a later form does not inherit it. */
    private static boolean ticked(DelegateTask task, String key) {
        Object value = task.getVariable(key);
        if (value == null) {
            return false;
        }
        task.getExecution().removeVariable(key);
        return Boolean.TRUE.equals(value) || "true".equals(value.toString());
    }

    /** A choice of the form just submitted; cleared like a checkbox, so the next task does not inherit it. */
    private static boolean answered(DelegateTask task, String key, String value) {
        Object answer = task.getVariable(key);
        if (answer == null) {
            return false;
        }
        task.getExecution().removeVariable(key);
        return value.equals(answer.toString());
    }
}
