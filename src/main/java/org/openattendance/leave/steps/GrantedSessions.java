package org.openattendance.leave.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openattendance.leave.LeaveRequest;
import org.openattendance.leave.LeaveRequestStore;
import org.openattendance.leave.LeaveSessions;
import org.openattendance.register.MarkSource;
import org.openattendance.register.Recorder;
import org.openattendance.register.RegisterService;
import org.openattendance.school.SchoolDirectory;
import org.springframework.stereotype.Component;

/** Granted sessions go into the register as C or C1 ahead of the days, marked as coming from the request. */
@Component("leaveGrantedSessions")
class GrantedSessions implements JavaDelegate {

    private final LeaveRequestStore store;
    private final LeaveSessions sessions;
    private final RegisterService register;
    private final SchoolDirectory directory;

    GrantedSessions(LeaveRequestStore store, LeaveSessions sessions, RegisterService register,
                    SchoolDirectory directory) {
        this.store = store;
        this.sessions = sessions;
        this.register = register;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeaveRequest r = store.find(LeaveVariables.requestId(execution)).orElseThrow();
        var granted = LeaveSessions.granted(r, sessions.requested(r));
        var result = register.recordLeaveOfAbsence(directory.school(r.schoolUrn()).orElseThrow(), r.upn(), granted,
                r.grantedCode(), "Leave of absence granted by the headteacher (leave request " + r.id() + ")",
                new Recorder(r.decidedBy(), r.decidedRole(), MarkSource.LEAVE_REQUEST));
        execution.setVariable("sessionsPreRecorded", result.accepted() + result.amended() + result.unchanged());
    }
}
