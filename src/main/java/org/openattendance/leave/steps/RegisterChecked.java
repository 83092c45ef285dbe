package org.openattendance.leave.steps;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openattendance.leave.LeaveProcess;
import org.springframework.stereotype.Component;

/** After the leave and the overstay window: was the pupil away on refused sessions, or did they overstay? */
@Component("leaveRegisterChecked")
class RegisterChecked implements JavaDelegate {

    private final UnauthorisedAbsence absence;

    RegisterChecked(UnauthorisedAbsence absence) {
        this.absence = absence;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int absent = absence.sessions(LeaveVariables.requestId(execution)).size();
        execution.setVariable("absentSessions", absent);
        execution.setVariable("absentWithoutLeave", absent > 0);
        execution.setVariable("recodeDue", new Date(LeaveProcess.now().getTime() + Duration.ofDays(3).toMillis()));
    }
}
