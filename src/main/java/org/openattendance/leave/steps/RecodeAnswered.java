package org.openattendance.leave.steps;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.shared.process.FormValues;
import org.springframework.stereotype.Component;

/** The attendance officer's answer, kept for the recoding that follows. */
@Component("leaveRecodeAnswered")
class RecodeAnswered implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.setVariable("confirmRecode", FormValues.text(task, "confirmRecode"));
        task.setVariable("recodeNotes", FormValues.text(task, "recodeNotes"));
        task.setVariable("recodeConfirmedBy", LeaveVariables.actor(task));
        task.setVariable("recodeConfirmedRole", LeaveVariables.role(task, "ATTENDANCE_OFFICER"));
    }
}
