package org.openattendance.leave;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.BritishDates;
import org.openattendance.shared.London;
import org.openattendance.shared.Session;
import org.springframework.stereotype.Component;

/**
 * A leave request as staff read it, the same on the request's page and on the headteacher's "Decide the leave
 * request" task: the days and sessions, the reason and details, who is travelling, the evidence, the office's check
 * and the policy screen's advice, in words (templates/leave/summary.html).
 */
@Component
public class LeaveRequestSummaries {

    /** One line of the summary; {@code id} names it for tests and links. */
    public record Row(String id, String label, String value) {
    }

    /** An evidence file and where staff open it. */
    public record EvidenceLink(String href, String fileName) {
    }

    public record Summary(UUID id, String href, String status, List<String> warnings, List<Row> rows,
                          List<EvidenceLink> evidence) {
    }

    private final LeaveRequests requests;
    private final LeaveRequestStore store;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final AuditTrail audit;

    LeaveRequestSummaries(LeaveRequests requests, LeaveRequestStore store, TaskService tasks, RuntimeService runtime,
                          AuditTrail audit) {
        this.requests = requests;
        this.store = store;
        this.tasks = tasks;
        this.runtime = runtime;
        this.audit = audit;
    }

    /**
     * The request a task of the leave process is about, or empty for any other task. The caller has checked that the
     * user may work the task; showing the request is audited as a read of the pupil's record.
     */
    public Optional<Summary> ofTask(String taskId) {
        var task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        Object id = runtime.getVariable(task.getProcessInstanceId(), "leaveRequestId");
        if (id == null) {
            return Optional.empty();
        }
        return store.find(UUID.fromString(id.toString())).map(request -> {
            audit.record(AuditTrail.Action.READ_PUPIL, "leave-request", request.upn(), "leave request on task " + taskId);
            return of(request);
        });
    }

    Summary of(LeaveRequest r) {
        var warnings = new ArrayList<String>();
        if (r.afterTheFact()) {
            warnings.add("Made after the fact: the request reached the school on or after the first day asked for.");
        }
        var outOfTerm = requests.weekdaysOutOfTerm(r);
        if (!outOfTerm.isEmpty()) {
            warnings.add("Some weekdays asked for are outside term (they need no leave): "
                    + String.join(", ", outOfTerm.stream().map(BritishDates::day).toList()) + ".");
        }
        var rows = new ArrayList<Row>();
        rows.add(new Row("dates", "Dates", dates(r) + " (" + requests.requestedSessions(r).size() + " school sessions)"));
        rows.add(new Row("reason", "Reason", r.reason().label()));
        rows.add(new Row("details", "Details", r.details() == null || r.details().isBlank() ? "None given" : r.details()));
        rows.add(new Row("travelling", "Parents travelling",
                r.parentsTravelling() == null || r.parentsTravelling().isBlank() ? "None named" : r.parentsTravelling()));
        rows.add(new Row("asked-by", "Asked by", (r.requestedBy() == null ? "A parent" : r.requestedBy())
                + ("ONLINE".equals(r.channel()) ? " (online, confirmed by e-mail)" : " (on paper)")));
        if (r.submittedAt() != null) {
            rows.add(new Row("made", "Made", BritishDates.WHEN.format(r.submittedAt().atZone(London.ZONE))));
        }
        rows.add(new Row("check", "Office check", r.checkNotes() != null
                ? r.checkNotes() + (r.checkedBy() != null ? " (" + r.checkedBy() + ")" : "") : "Not checked yet"));
        String advice = advice(r.screenAdvice());
        rows.add(new Row("advice", "Policy screen (advice only)", advice == null ? "Not screened yet"
                : advice + " (" + r.screenDecisionKey() + ", version " + r.screenDecisionVersion() + ")"));
        if (r.decidedAt() != null) {
            rows.add(new Row("decision", "Decision", decision(r)));
        }
        var evidence = requests.evidence(r).stream().map(e -> new EvidenceLink(
                "/leave-requests/" + r.id() + "/evidence/" + e.id(), e.fileName())).toList();
        return new Summary(r.id(), "/leave-requests/" + r.id(), LeavePublicPages.statusText(r.status()), warnings, rows,
                evidence);
    }

    /** "Monday 7 December 2026 from the morning to Tuesday 8 December 2026, the end of the day". */
    static String dates(LeaveRequest r) {
        return BritishDates.WEEKDAY.format(r.fromDate()) + (r.fromSession() == Session.PM ? " from the afternoon" : " from the morning")
                + " to " + BritishDates.WEEKDAY.format(r.toDate())
                + (r.toSession() == Session.AM ? ", the end of the morning" : ", the end of the day");
    }

    /** "7 to 8 January 2027", with the half days said when the grant starts or ends at midday; null if none. */
    static String granted(LeaveRequest r) {
        return r.grantedFrom() == null ? null : BritishDates.range(r.grantedFrom(), r.grantedTo())
                + (r.grantedFromSession() == Session.PM ? " (from the afternoon)" : "")
                + (r.grantedToSession() == Session.AM ? " (until the end of the morning)" : "");
    }

    /** "Granted 7 to 8 January 2027 as C. Reasons (head.castlehill)". */
    static String decision(LeaveRequest r) {
        String granted = r.grantedFrom() == null ? "Refused. " : "Granted " + granted(r) + " as " + r.grantedCode() + ". ";
        return granted + (r.decisionReasons() == null ? "" : r.decisionReasons())
                + (r.decidedBy() == null ? "" : " (" + r.decidedBy() + ")");
    }

    static String advice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "LIKELY_C1" -> "Likely a regulated performance or employment abroad: code C1 if granted";
            case "LIKELY_C" -> "Usually exceptional: code C if granted";
            case "NOT_EXCEPTIONAL_UNLESS_HEAD_FINDS_OTHERWISE" -> "Not exceptional unless the headteacher finds otherwise";
            case "HEADTEACHER_WEIGHS_IT" -> "The headteacher weighs it: rare, significant, unavoidable, short?";
            default -> code;
        };
    }
}
