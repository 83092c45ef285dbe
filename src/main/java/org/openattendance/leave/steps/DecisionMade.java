package org.openattendance.leave.steps;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.leave.LeaveProcess;
import org.openattendance.leave.LeaveRequest;
import org.openattendance.leave.LeaveRequestStore;
import org.openattendance.leave.LeaveSessions;
import org.openattendance.leave.LeaveStatus;
import org.openattendance.register.SessionSlot;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;
import org.openattendance.shared.London;
import org.openattendance.shared.Session;
import org.openattendance.shared.process.FormValues;
import org.springframework.stereotype.Component;

/**
 * The headteacher's decision: which sessions are granted (all, the days chosen, or none), the code, the reasons.
 * A partial grant needs its first and last day within the request; otherwise nothing is completed (400).
 */
@Component("leaveDecisionMade")
class DecisionMade implements TaskListener {

    private final LeaveRequestStore store;
    private final LeaveSessions sessions;

    DecisionMade(LeaveRequestStore store, LeaveSessions sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    @Override
    public void notify(DelegateTask task) {
        LeaveRequest request = store.find(LeaveVariables.requestId(task)).orElseThrow();
        String decision = FormValues.text(task, "decision");
        String code = "C1".equals(FormValues.text(task, "code")) ? "C1" : "C";
        SessionSlot from = null;
        SessionSlot to = null;
        if ("GRANT".equals(decision)) {
            from = new SessionSlot(request.fromDate(), request.fromSession());
            to = new SessionSlot(request.toDate(), request.toSession());
        } else if ("GRANT_PART".equals(decision)) {
            var problems = new ArrayList<Problem>();
            LocalDate fromDay = day(task, "grantedFrom", problems);
            LocalDate toDay = day(task, "grantedTo", problems);
            if (problems.isEmpty()) {
                from = new SessionSlot(fromDay, session(task, "grantedFromSession", Session.AM));
                to = new SessionSlot(toDay, session(task, "grantedToSession", Session.PM));
                var asked = new SessionSlot(request.fromDate(), request.fromSession());
                var askedTo = new SessionSlot(request.toDate(), request.toSession());
                if (from.compareTo(to) > 0 || from.compareTo(asked) < 0 || to.compareTo(askedTo) > 0) {
                    problems.add(new Problem("grantedTo", "the sessions granted must lie within " + request.fromDate()
                            + " " + request.fromSession() + " to " + request.toDate() + " " + request.toSession()
                            + ", first session first"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException("The decision has " + problems.size() + " problem(s)", problems);
            }
        } else if (!"REFUSE".equals(decision)) {
            throw new InvalidInputException("The decision is missing",
                    List.of(new Problem("decision", "must be GRANT, GRANT_PART or REFUSE")));
        }
        LeaveRequest decided = request.withGrant(from, to);
        List<SessionSlot> requested = sessions.requested(request);
        List<SessionSlot> granted = LeaveSessions.granted(decided, requested);
        List<SessionSlot> refused = LeaveSessions.refused(decided, requested);
        if ("GRANT_PART".equals(decision) && granted.isEmpty()) {
            throw new InvalidInputException("The decision has 1 problem(s)", List.of(new Problem("grantedFrom",
                    "the days granted include none of the school days asked for; refuse instead")));
        }
        LeaveStatus status = granted.isEmpty() ? LeaveStatus.REFUSED
                : refused.isEmpty() ? LeaveStatus.GRANTED : LeaveStatus.PARTLY_GRANTED;
        store.decided(request.id(), status, FormValues.text(task, "decisionReasons"), LeaveVariables.actor(task),
                LeaveVariables.role(task, "HEADTEACHER"), LeaveProcess.now().toInstant(),
                granted.isEmpty() ? null : code, granted.isEmpty() ? null : from, granted.isEmpty() ? null : to);
        task.setVariable("leaveStatus", status.name());
        task.setVariable("grantedAny", !granted.isEmpty());
        // The register is checked once the overstay window has passed: refused days and overstays together.
        var window = sessions.after(request, UnauthorisedAbsence.OVERSTAY_SCHOOL_DAYS);
        LocalDate lastWatched = window.isEmpty() ? request.toDate().plusDays(7) : window.get(window.size() - 1).date();
        Date checkAt = London.at(lastWatched.plusDays(1), LocalTime.of(10, 0));
        Date now = LeaveProcess.now();
        task.setVariable("registerCheckAt", checkAt.before(now) ? now : checkAt);
    }

    private static LocalDate day(DelegateTask task, String key, List<Problem> problems) {
        String text = FormValues.text(task, key);
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (RuntimeException e) {
            problems.add(new Problem(key, "give the day (YYYY-MM-DD) when granting some of the days"));
            return null;
        }
    }

    private static Session session(DelegateTask task, String key, Session otherwise) {
        String text = FormValues.text(task, key);
        return "AM".equals(text) ? Session.AM : "PM".equals(text) ? Session.PM : otherwise;
    }
}
