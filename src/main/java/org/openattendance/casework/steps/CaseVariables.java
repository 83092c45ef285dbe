package org.openattendance.casework.steps;

import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.openattendance.casework.CaseEngine;
import org.openattendance.shared.London;

/** What every step of the case reads of its process: the case, today, who is completing a task. */
public final class CaseVariables {

    private CaseVariables() {
    }

    /** The case the process runs for. */
    public static UUID caseId(VariableScope scope) {
        return UUID.fromString(scope.getVariable("caseId").toString());
    }

    /** The case of a process that may run without one (e.g. the planned deletion from roll), or null. */
    public static UUID caseIdIfAny(VariableScope scope) {
        Object id = scope.getVariable("caseId");
        return id == null ? null : UUID.fromString(id.toString());
    }

    /** Today in England by the engine's clock (which the process tests move). */
    public static LocalDate today() {
        return London.day(CaseEngine.now());
    }

    /** Who is completing the task: the signed-in user as the engine knows them, else the assignee. */
    public static String actor(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }
}
