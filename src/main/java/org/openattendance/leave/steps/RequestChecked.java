package org.openattendance.leave.steps;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.leave.LeaveRequestStore;
import org.openattendance.shared.process.FormValues;
import org.springframework.stereotype.Component;

/** The office's check: its answers and notes go on the request for the headteacher; status CHECKED. */
@Component("leaveRequestChecked")
class RequestChecked implements TaskListener {

    private final LeaveRequestStore store;

    RequestChecked(LeaveRequestStore store) {
        this.store = store;
    }

    @Override
    public void notify(DelegateTask task) {
        String notes = FormValues.text(task, "checkNotes");
        String summary = "Made by a parent the pupil lives with: "
                + yesNo(FormValues.text(task, "fromParentLivingWithPupil"))
                + ". Complete: " + yesNo(FormValues.text(task, "complete")) + "." + (notes == null ? "" : " " + notes);
        store.checked(LeaveVariables.requestId(task), summary, LeaveVariables.actor(task));
    }

    private static String yesNo(String answer) {
        return "NO".equals(answer) ? "no" : "YES".equals(answer) ? "yes" : "not answered";
    }
}
