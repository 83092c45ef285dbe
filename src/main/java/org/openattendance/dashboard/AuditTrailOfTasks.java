package org.openattendance.dashboard;

import org.openattendance.casework.TeamTasks;
import org.openattendance.security.AuditTrail;
import org.springframework.stereotype.Component;

/** The audit entries of dashboard pages that name pupils (tasks, cases, notice requests). */
@Component
class AuditTrailOfTasks {

    private final AuditTrail audit;

    AuditTrailOfTasks(AuditTrail audit) {
        this.audit = audit;
    }

    void pupilsShown(Scope scope, String what) {
        audit.record(AuditTrail.Action.READ_PUPIL, "dashboard", scope.kind() + " " + scope.key(), what);
    }

    void taskShown(TeamTasks.TeamTask task) {
        audit.record(AuditTrail.Action.READ_PUPIL, task.upn() == null ? "task" : "pupil",
                task.upn() == null ? task.id() : task.upn(), "team task " + task.id() + " (" + task.name() + ")");
    }
}
