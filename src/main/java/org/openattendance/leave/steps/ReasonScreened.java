package org.openattendance.leave.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.openattendance.leave.LeaveProcess;
import org.openattendance.leave.LeaveRequestStore;
import org.springframework.stereotype.Component;

/** Keeps the reason screen's advice, and which table and version gave it, on the request. */
@Component("leaveReasonScreened")
class ReasonScreened implements ExecutionListener {

    private final LeaveRequestStore store;
    private final LeaveProcess process;

    ReasonScreened(LeaveRequestStore store, LeaveProcess process) {
        this.store = store;
        this.process = process;
    }

    @Override
    public void notify(DelegateExecution execution) {
        store.screened(LeaveVariables.requestId(execution), (String) execution.getVariable("screenAdvice"),
                LeaveProcess.SCREEN, process.latestScreenVersion());
    }
}
