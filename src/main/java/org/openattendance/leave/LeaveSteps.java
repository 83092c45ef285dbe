package org.openattendance.leave;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.openattendance.notification.LetterRequested;
import org.openattendance.register.AttendanceCodes;
import org.openattendance.register.MarkSource;
import org.openattendance.register.Recorder;
import org.openattendance.register.RegisterQueries;
import org.openattendance.register.RegisterService;
import org.openattendance.register.SessionSlot;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;
import org.openattendance.shared.London;
import org.openattendance.shared.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The steps of processes/leave-request.bpmn, each a bean the model names. */
final class LeaveSteps {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private LeaveSteps() {
    }

    /** A submitted field: from the form's submission (the task API), else a process variable. */
    static String field(VariableScope scope, String key) {
        Object form = scope.getVariable("form");
        Object value = form instanceof Map<?, ?> map && map.containsKey(key) ? map.get(key) : scope.getVariable(key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    static UUID requestId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable("leaveRequestId"));
    }

    static String actor(DelegateTask task) {
        String by = field(task, "completedBy");
        return by != null ? by : task.getAssignee() != null ? task.getAssignee() : "unknown";
    }

    static Date atLondon(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(London.ZONE).toInstant());
    }

    /** The office's check: its answers and notes go on the request for the headteacher; status CHECKED. */
    @Component("leaveRequestChecked")
    static class RequestChecked implements TaskListener {
        private final LeaveRequestStore store;

        RequestChecked(LeaveRequestStore store) {
            this.store = store;
        }

        @Override
        public void notify(DelegateTask task) {
            String notes = "Made by a parent the pupil lives with: " + yesNo(field(task, "fromParentLivingWithPupil"))
                    + ". Complete: " + yesNo(field(task, "complete")) + "."
                    + (field(task, "checkNotes") == null ? "" : " " + field(task, "checkNotes"));
            store.checked(requestId(task), notes, actor(task));
        }

        private static String yesNo(String answer) {
            return "NO".equals(answer) ? "no" : "YES".equals(answer) ? "yes" : "not answered";
        }
    }

    /** Keeps the reason screen's advice, and which table and version gave it, on the request. */
    @Component("leaveReasonScreened")
    static class ReasonScreened implements ExecutionListener {
        private final LeaveRequestStore store;
        private final LeaveProcess process;

        ReasonScreened(LeaveRequestStore store, LeaveProcess process) {
            this.store = store;
            this.process = process;
        }

        @Override
        public void notify(DelegateExecution execution) {
            store.screened(requestId(execution), (String) execution.getVariable("screenAdvice"), LeaveProcess.SCREEN,
                    process.latestScreenVersion());
        }
    }

    /**
     * The headteacher's decision: which sessions are granted (all, the days chosen, or none), the code, the reasons.
     * A partial grant needs its first and last day within the request; otherwise nothing is completed (400).
     */
    @Component("leaveDecisionMade")
    static class DecisionMade implements TaskListener {
        private final LeaveRequestStore store;
        private final LeaveSessions sessions;

        DecisionMade(LeaveRequestStore store, LeaveSessions sessions) {
            this.store = store;
            this.sessions = sessions;
        }

        @Override
        public void notify(DelegateTask task) {
            LeaveRequest request = store.find(requestId(task)).orElseThrow();
            String decision = field(task, "decision");
            String code = "C1".equals(field(task, "code")) ? "C1" : "C";
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
                        problems.add(new Problem("grantedTo", "the days granted must lie within the request, "
                                + LeaveRequestSummaries.dates(request) + ", the first day first"));
                    }
                }
                if (!problems.isEmpty()) {
                    throw new InvalidInputException("The decision has " + problems.size() + " problem(s)", problems);
                }
            } else if (!"REFUSE".equals(decision)) {
                throw new InvalidInputException("The decision is missing",
                        List.of(new Problem("decision", "must be GRANT, GRANT_PART or REFUSE")));
            }
            LeaveRequest decided = withGrant(request, from, to);
            List<SessionSlot> requested = sessions.requested(request);
            List<SessionSlot> granted = LeaveSessions.granted(decided, requested);
            List<SessionSlot> refused = LeaveSessions.refused(decided, requested);
            if ("GRANT_PART".equals(decision) && granted.isEmpty()) {
                throw new InvalidInputException("The decision has 1 problem(s)", List.of(new Problem("grantedFrom",
                        "the days granted include none of the school days asked for; refuse instead")));
            }
            LeaveStatus status = granted.isEmpty() ? LeaveStatus.REFUSED
                    : refused.isEmpty() ? LeaveStatus.GRANTED : LeaveStatus.PARTLY_GRANTED;
            String role = field(task, "completedByRole");
            store.decided(request.id(), status, field(task, "decisionReasons"), actor(task),
                    role == null ? "HEADTEACHER" : role, LeaveProcess.now().toInstant(), granted.isEmpty() ? null : code,
                    granted.isEmpty() ? null : from, granted.isEmpty() ? null : to);
            task.setVariable("leaveStatus", status.name());
            task.setVariable("grantedAny", !granted.isEmpty());
            // The register is checked once the overstay window has passed: refused days and overstays together.
            var window = sessions.after(request, UnauthorisedAbsence.OVERSTAY_SCHOOL_DAYS);
            LocalDate lastWatched = window.isEmpty() ? request.toDate().plusDays(7) : window.get(window.size() - 1).date();
            Date checkAt = atLondon(lastWatched.plusDays(1), LocalTime.of(10, 0));
            Date now = LeaveProcess.now();
            task.setVariable("registerCheckAt", checkAt.before(now) ? now : checkAt);
        }

        private static LocalDate day(DelegateTask task, String key, List<Problem> problems) {
            String text = field(task, key);
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (RuntimeException e) {
                problems.add(new Problem(key, "give the day (YYYY-MM-DD) when granting some of the days"));
                return null;
            }
        }

        private static Session session(DelegateTask task, String key, Session otherwise) {
            String text = field(task, key);
            return "AM".equals(text) ? Session.AM : "PM".equals(text) ? Session.PM : otherwise;
        }

        private static LeaveRequest withGrant(LeaveRequest r, SessionSlot from, SessionSlot to) {
            return new LeaveRequest(r.id(), r.pupilId(), r.upn(), r.schoolUrn(), r.fromDate(), r.fromSession(), r.toDate(),
                    r.toSession(), r.reason(), r.details(), r.parentsTravelling(), r.requestedBy(), r.requestedByParent(),
                    r.channel(), r.enteredBy(), r.status(), r.createdAt(), r.submittedAt(), r.afterTheFact(), r.checkNotes(),
                    r.checkedBy(), r.screenAdvice(), r.screenDecisionKey(), r.screenDecisionVersion(), r.decisionReasons(),
                    r.decidedBy(), r.decidedRole(), r.decidedAt(), r.grantedCode(), from == null ? null : from.date(),
                    from == null ? null : from.session(), to == null ? null : to.date(), to == null ? null : to.session(),
                    r.withdrawnAt(), r.withdrawnBy(),
                    r.recodedSessions(), r.processInstanceId());
        }
    }

    /**
     * The decision letter to every parent with parental responsibility, asked of notification by its event: the step
     * key makes it one letter per request, whatever retries.
     */
    @Component("leaveDecisionLetter")
    static class DecisionLetter implements JavaDelegate {
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
            LeaveRequest r = store.find(requestId(execution)).orElseThrow();
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
                    r.pupilId(), r.upn(), r.schoolUrn(), school.map(s -> s.getLaCode()).orElse(null), fields));
        }
    }

    /** Granted sessions go into the register as C or C1 ahead of the days, marked as coming from the request. */
    @Component("leaveGrantedSessions")
    static class GrantedSessions implements JavaDelegate {
        private final LeaveRequestStore store;
        private final LeaveSessions sessions;
        private final RegisterService register;
        private final SchoolDirectory directory;

        GrantedSessions(LeaveRequestStore store, LeaveSessions sessions, RegisterService register, SchoolDirectory directory) {
            this.store = store;
            this.sessions = sessions;
            this.register = register;
            this.directory = directory;
        }

        @Override
        public void execute(DelegateExecution execution) {
            LeaveRequest r = store.find(requestId(execution)).orElseThrow();
            var granted = LeaveSessions.granted(r, sessions.requested(r));
            var result = register.recordLeaveOfAbsence(directory.school(r.schoolUrn()).orElseThrow(), r.upn(), granted,
                    r.grantedCode(), "Leave of absence granted by the headteacher (leave request " + r.id() + ")",
                    new Recorder(r.decidedBy(), r.decidedRole(), MarkSource.LEAVE_REQUEST));
            execution.setVariable("sessionsPreRecorded", result.accepted() + result.amended() + result.unchanged());
        }
    }

    /** After the leave and the overstay window: was the pupil away on refused sessions, or did they overstay? */
    @Component("leaveRegisterChecked")
    static class RegisterChecked implements JavaDelegate {
        private final UnauthorisedAbsence absence;

        RegisterChecked(UnauthorisedAbsence absence) {
            this.absence = absence;
        }

        @Override
        public void execute(DelegateExecution execution) {
            int absent = absence.sessions(requestId(execution)).size();
            execution.setVariable("absentSessions", absent);
            execution.setVariable("absentWithoutLeave", absent > 0);
            execution.setVariable("recodeDue", new Date(LeaveProcess.now().getTime() + java.time.Duration.ofDays(3).toMillis()));
        }
    }

    /** The attendance officer's answer, kept for the recoding that follows. */
    @Component("leaveRecodeAnswered")
    static class RecodeAnswered implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            task.setVariable("confirmRecode", field(task, "confirmRecode"));
            task.setVariable("recodeNotes", field(task, "recodeNotes"));
            task.setVariable("recodeConfirmedBy", actor(task));
            String role = field(task, "completedByRole");
            task.setVariable("recodeConfirmedRole", role == null ? "ATTENDANCE_OFFICER" : role);
        }
    }

    /** Absent sessions on refused or overstayed days become G, as amendments with the reason and who confirmed; TAKEN_UNAUTHORISED. */
    @Component("leaveRecodedAsG")
    static class RecodedAsG implements JavaDelegate {
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
            LeaveRequest r = store.find(requestId(execution)).orElseThrow();
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

    /**
     * The sessions of a decided request the pupil was away without leave: refused sessions marked absent, and the
     * unbroken run of absence straight after the request (an overstay, at most a week of school). Sessions already G
     * are left out; C and C1 are leave granted, never holiday taken without it.
     */
    @Component
    static class UnauthorisedAbsence {
        static final int OVERSTAY_SCHOOL_DAYS = 5;
        private static final Set<String> ABSENCE = Set.of("AUTHORISED", "UNAUTHORISED");
        private static final Set<String> NOT_HOLIDAY = Set.of("C", "C1", "G");

        private final LeaveRequestStore store;
        private final LeaveSessions sessions;
        private final RegisterQueries register;
        private final AttendanceCodes codes;

        UnauthorisedAbsence(LeaveRequestStore store, LeaveSessions sessions, RegisterQueries register, AttendanceCodes codes) {
            this.store = store;
            this.sessions = sessions;
            this.register = register;
            this.codes = codes;
        }

        List<SessionSlot> sessions(UUID requestId) {
            LeaveRequest r = store.find(requestId).orElseThrow();
            List<SessionSlot> refused = LeaveSessions.refused(r, sessions.requested(r));
            List<SessionSlot> after = sessions.after(r, OVERSTAY_SCHOOL_DAYS);
            LocalDate last = after.isEmpty() ? r.toDate() : after.get(after.size() - 1).date();
            Map<SessionSlot, String> marks = new HashMap<>();
            register.marksOf(r.pupilId(), r.fromDate(), last)
                    .forEach(m -> marks.put(new SessionSlot(m.date(), m.session()), m.code()));
            var absent = new ArrayList<SessionSlot>();
            for (SessionSlot slot : refused) {
                if (holiday(marks.get(slot))) {
                    absent.add(slot);
                }
            }
            for (SessionSlot slot : after) {
                String code = marks.get(slot);
                if (!isAbsence(code) || "C".equals(code) || "C1".equals(code)) {
                    break;
                }
                if (!"G".equals(code)) {
                    absent.add(slot);
                }
            }
            return absent;
        }

        private boolean holiday(String code) {
            return isAbsence(code) && !NOT_HOLIDAY.contains(code);
        }

        private boolean isAbsence(String code) {
            return code != null && codes.find(code).map(c -> ABSENCE.contains(c.category())).orElse(false);
        }
    }
}
