package org.openattendance.leave.steps;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.openattendance.shared.process.FormValues;

/** What every step of the leave-request process reads of it: the request, and who completed a task. */
final class LeaveVariables {

    private LeaveVariables() {
    }

    static UUID requestId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable("leaveRequestId"));
    }

    /** Who completed the task: as the task API says, else its assignee. */
    static String actor(DelegateTask task) {
        String by = FormValues.text(task, "completedBy");
        return by != null ? by : task.getAssignee() != null ? task.getAssignee() : "unknown";
    }

    /** The role the task API passes along, or the role the task is meant for. */
    static String role(DelegateTask task, String otherwise) {
        String role = FormValues.text(task, "completedByRole");
        return role == null ? otherwise : role;
    }
}
