package org.openattendance.leave.steps;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openattendance.leave.LeaveRequest;
import org.openattendance.leave.LeaveRequestStore;
import org.openattendance.leave.TermTimeHolidayConfirmed;
import org.openattendance.register.MarkSource;
import org.openattendance.register.Recorder;
import org.openattendance.register.RegisterService;
import org.openattendance.register.SessionSlot;
import org.openattendance.school.SchoolDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Absent sessions on refused or overstayed days become G, as amendments with the reason and who confirmed; the
 * request is TAKEN_UNAUTHORISED, and {@link TermTimeHolidayConfirmed} tells whoever keeps the pupil's case.
 */
@Component("leaveRecodedAsG")
class RecodedAsG implements JavaDelegate {

    private final LeaveRequestStore store;
    private final UnauthorisedAbsence absence;
    private final RegisterService register;
    private final SchoolDirectory directory;
    private final ApplicationEventPublisher events;

    RecodedAsG(LeaveRequestStore store, UnauthorisedAbsence absence, RegisterService register,
               SchoolDirectory directory, ApplicationEventPublisher events) {
        this.store = store;
        this.absence = absence;
        this.register = register;
        this.directory = directory;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeaveRequest r = store.find(LeaveVariables.requestId(execution)).orElseThrow();
        List<SessionSlot> absent = absence.sessions(r.id());
        String by = (String) execution.getVariable("recodeConfirmedBy");
        String notes = (String) execution.getVariable("recodeNotes");
        var result = register.recordLeaveOfAbsence(directory.school(r.schoolUrn()).orElseThrow(), r.upn(), absent, "G",
                "Holiday not granted (leave request " + r.id() + ": refused, or longer than granted); confirmed by " + by
                        + (notes == null ? "" : ": " + notes),
                new Recorder(by, (String) execution.getVariable("recodeConfirmedRole"), MarkSource.LEAVE_REQUEST));
        int recoded = result.accepted() + result.amended();
        store.recoded(r.id(), recoded);
        if (!absent.isEmpty()) {
            events.publishEvent(new TermTimeHolidayConfirmed(r.id(), r.pupilId(), r.upn(), r.schoolUrn(),
                    absent.get(0).date(), absent.get(absent.size() - 1).date(), recoded, by));
        }
    }
}
