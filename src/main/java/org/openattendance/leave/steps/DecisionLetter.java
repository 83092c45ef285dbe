package org.openattendance.leave.steps;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.openattendance.leave.LeaveRequest;
import org.openattendance.leave.LeaveRequestStore;
import org.openattendance.notification.LetterRequested;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The decision letter to every parent with parental responsibility, asked of notification by its event: the step
 * key makes it one letter per request, whatever retries.
 */
@Component("leaveDecisionLetter")
class DecisionLetter implements JavaDelegate {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final LeaveRequestStore store;
    private final SchoolDirectory directory;
    private final ApplicationEventPublisher events;

    DecisionLetter(LeaveRequestStore store, SchoolDirectory directory, ApplicationEventPublisher events) {
        this.store = store;
        this.directory = directory;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeaveRequest r = store.find(LeaveVariables.requestId(execution)).orElseThrow();
        Map<String, String> fields = new HashMap<>();
        fields.put("decision", switch (r.status()) {
            case GRANTED -> "granted";
            case PARTLY_GRANTED -> "partly granted";
            default -> "refused";
        });
        fields.put("leaveStart", LONG_DATE.format(r.fromDate()));
        fields.put("leaveEnd", LONG_DATE.format(r.toDate()));
        if (r.grantedFrom() != null) {
            fields.put("grantedStart", LONG_DATE.format(r.grantedFrom())
                    + (r.grantedFromSession() == Session.PM ? " (from the afternoon)" : ""));
            fields.put("grantedEnd", LONG_DATE.format(r.grantedTo())
                    + (r.grantedToSession() == Session.AM ? " (until the end of the morning)" : ""));
        }
        fields.put("reason", r.decisionReasons() == null ? "" : r.decisionReasons());
        var school = directory.school(r.schoolUrn());
        fields.put("contactName", school.map(s -> "the office at " + s.getName()).orElse("the school office"));
        events.publishEvent(new LetterRequested("leave-request-" + r.id() + "-decision", "leave-decision", null,
                r.pupilId(), r.upn(), r.schoolUrn(), school.map(School::getLaCode).orElse(null), fields));
    }
}
