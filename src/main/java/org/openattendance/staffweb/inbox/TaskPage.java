package org.openattendance.staffweb.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.openattendance.casework.CaseStore;
import org.openattendance.casework.CaseWork;
import org.openattendance.casework.FormAnswers;
import org.openattendance.casework.CaseWork.WorkItem;
import org.openattendance.leave.LeaveRequestSummaries;
import org.openattendance.legal.PenaltyRequestViews;
import org.openattendance.notification.Letters;
import org.openattendance.school.Pupil;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.BritishDates;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.casework.CaseTimelineText;
import org.openattendance.staffweb.pupils.PupilGlance;
import org.openattendance.staffweb.shell.Labels;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One task: the pupil at a glance, the case's stage and timeline, and the task's form rendered from its
 * forms/*.form definition. Posting checks the values with casework's form check (the same as the JSON API) and
 * completes the task, or shows the page again with an error summary and the values entered. A task the user may
 * not work answers 404.
 */
@Controller
class TaskPage {

    /**
     * Forms that decide on an earlier form's request, so the page shows that request above the decision: the LA
     * officer's notice decision shows the school's request and its reasons.
     */
    private static final Map<String, String> DECIDES_ON = Map.of("la-notice-decision", "consider-notice");

    /** Forms about a request for a penalty notice: the page shows the whole request above the form (legal's view). */
    private static final java.util.Set<String> ABOUT_PENALTY_REQUEST = java.util.Set.of("penalty-request-decision",
            "penalty-request-information");

    /** The school's task to send its request: the page links to the request form, which gathers the evidence. */
    private static final String REQUEST_PENALTY_NOTICE = "penalty-notice-request";

    /** The request a decision is about, as the page shows it. */
    record RequestShown(String task, String when, String by, List<FormAnswers.Answer> answers) {
    }

    private final CaseWork work;
    private final AccessPolicy access;
    private final SchoolDirectory directory;
    private final PupilGlance glances;
    private final Clock clock;
    private final LeaveRequestSummaries leaveRequests;
    private final CaseTimelineText timelineText;
    private final Letters letters;
    private final AuditTrail audit;
    private final PenaltyRequestViews penaltyRequests;

    TaskPage(CaseWork work, AccessPolicy access, SchoolDirectory directory, PupilGlance glances, Clock clock,
             LeaveRequestSummaries leaveRequests, CaseTimelineText timelineText, AuditTrail audit, Letters letters,
             PenaltyRequestViews penaltyRequests) {
        this.letters = letters;
        this.penaltyRequests = penaltyRequests;
        this.audit = audit;
        this.timelineText = timelineText;
        this.leaveRequests = leaveRequests;
        this.work = work;
        this.access = access;
        this.directory = directory;
        this.glances = glances;
        this.clock = clock;
    }

    @GetMapping("/tasks/{id}")
    String show(@PathVariable String id, Model model) {
        StaffUser user = access.currentUser();
        WorkItem task = work.task(user, id);
        TaskForm form = new TaskForm(work.form(user, id));
        var offered = new LinkedHashMap<String, List<String>>();
        work.answersOfferedAgain(user, id).forEach((key, value) -> offered.put(key, List.of(value)));
        prepare(task, form, model);
        model.addAttribute("offered", !offered.isEmpty());
        prepareLetter(user, task, form, offered, model);
        if (task.upn() != null) {
            // The page shows the pupil at a glance and the parents' contact details.
            audit.readPupil(task.upn(), "task", id, "task page: " + task.name());
        }
        model.addAttribute("fields", form.fields(offered, Map.of()));
        model.addAttribute("problems", Map.of());
        return "inbox/task";
    }

    @PostMapping("/tasks/{id}")
    String complete(@PathVariable String id, HttpServletRequest request, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        StaffUser user = access.currentUser();
        WorkItem task = work.task(user, id);
        TaskForm form = new TaskForm(work.form(user, id));
        var entered = new LinkedHashMap<String, List<String>>();
        request.getParameterMap().forEach((name, values) -> entered.put(name, List.of(values)));
        TaskForm.Submission submission = form.submission(entered);
        var errors = new LinkedHashMap<String, String>(submission.problems());
        try {
            if (errors.isEmpty()) {
                work.validateAndComplete(user, id, submission.values());
            } else {
                work.check(user, id, submission.values());
            }
        } catch (OptimisticLockingException e) {
            // Something else moved the case at the same moment (a register load, a timer): nothing was saved.
            prepare(task, form, model);
            prepareLetter(user, task, form, entered, model);
            model.addAttribute("fields", form.fields(entered, Map.of()));
            var problems = new LinkedHashMap<String, String>();
            problems.put("task-form",
                    "The case changed while you were submitting and nothing was saved. Check the form and submit it again.");
            model.addAttribute("problems", problems);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "inbox/task";
        } catch (InvalidInputException e) {
            for (var p : e.problems()) {
                errors.putIfAbsent(p.where(), message(form, p.where(), p.message()));
            }
        }
        if (!errors.isEmpty()) {
            List<TaskForm.Field> fields = form.fields(entered, errors);
            var problems = new LinkedHashMap<String, String>();
            fields.stream().filter(f -> f.error() != null).forEach(f -> problems.put(f.anchor(), f.error()));
            prepare(task, form, model);
            prepareLetter(user, task, form, entered, model);
            model.addAttribute("fields", fields);
            model.addAttribute("problems", problems);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "inbox/task";
        }
        String who = task.kase() == null ? "" : " for " + pupil(task.kase()).map(p -> p.getForename() + " " + p.getSurname()).orElse(task.kase().upn());
        redirect.addFlashAttribute("completed", task.name() + who);
        return "redirect:/inbox";
    }

    /** GOV.UK style messages from the form check's problems. */
    private static String message(TaskForm form, String key, String problem) {
        String label = form.labelOf(key);
        if ("is required".equals(problem)) {
            return switch (form.typeOf(key)) {
                case "radio", "select", "checklist" -> "Select an answer for: " + label;
                case "datetime" -> "Enter a date for: " + label;
                default -> "Enter an answer for: " + label;
            };
        }
        if ("datetime".equals(form.typeOf(key))) {
            return label + " must be a real date";
        }
        return label + " " + problem;
    }

    private Optional<Pupil> pupil(CaseStore.CaseRecord kase) {
        return directory.pupilsByIds(List.of(kase.pupilId())).stream().findFirst();
    }

    private void prepare(WorkItem task, TaskForm form, Model model) {
        model.addAttribute("leaveRequest", null);
        model.addAttribute("decidedRequest", null);
        model.addAttribute("penaltyRequest", null);
        model.addAttribute("requestFormHref", null);
        model.addAttribute("task", task);
        model.addAttribute("due", task.due() == null ? null : Labels.DAY.format(task.due().atZone(clock.getZone())));
        var kase = task.kase();
        model.addAttribute("kase", kase);
        if (kase == null) {
            prepareWithoutCase(task, model);
            return;
        }
        model.addAttribute("stage", Labels.stage(kase.stage()));
        model.addAttribute("priority", Labels.constant(kase.priority()));
        Pupil pupil = pupil(kase).orElse(null);
        model.addAttribute("pupil", pupil);
        model.addAttribute("school", glances.schoolName(kase.schoolUrn()));
        AcademicYear year = null;
        try {
            year = AcademicYear.parse(kase.academicYear());
        } catch (IllegalArgumentException e) {
            // an unreadable year leaves the figures out
        }
        model.addAttribute("glance", pupil == null || year == null ? null : glances.of(pupil, year));
        model.addAttribute("timeline", timelineText.of(work.timeline(kase)));
        if (pupil != null && ABOUT_PENALTY_REQUEST.contains(form.id())) {
            model.addAttribute("penaltyRequest", penaltyRequests.latestOfCase(pupil, kase.id()).orElse(null));
        }
        if (REQUEST_PENALTY_NOTICE.equals(form.id())) {
            model.addAttribute("requestFormHref", "/pupils/" + kase.upn() + "/penalty-notice-request");
        }
        String decidesOn = DECIDES_ON.get(form.id());
        if (decidesOn != null) {
            model.addAttribute("decidedRequest", work.latestCompleted(kase, decidesOn).map(r -> new RequestShown(r.taskName(),
                    BritishDates.WHEN.format(r.completedAt().atZone(clock.getZone())), r.by(), r.answers())).orElse(null));
        }
    }

    /**
     * The letter that goes when the task is completed with a yes, as it will read with what the form holds now; a
     * field the form has not been given yet shows as its question in brackets.
     */
    private void prepareLetter(StaffUser user, WorkItem task, TaskForm form, Map<String, List<String>> entered,
                               Model model) {
        model.addAttribute("letter", null);
        if (!model.containsAttribute("offered")) {
            model.addAttribute("offered", false);
        }
        if (task.kase() == null) {
            return;
        }
        work.letterAhead(user, task.id()).ifPresent(ahead -> {
            var fields = new LinkedHashMap<String, String>(ahead.known());
            ahead.fromForm().forEach((field, key) -> {
                List<String> values = entered.getOrDefault(key, List.of());
                String value = values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
                fields.put(field, value != null ? value : "[" + form.labelOf(key) + "]");
            });
            try {
                model.addAttribute("letter", letters.preview(ahead.templateKey(), task.kase().pupilId(), fields));
            } catch (RuntimeException e) {
                // a template the LA is still correcting: the page works without the preview
                model.addAttribute("letterProblem", "The letter cannot be shown: " + e.getMessage());
            }
        });
    }

    /** A task outside any case (a leave request's) still shows its pupil when the process names one. */
    private void prepareWithoutCase(WorkItem task, Model model) {
        model.addAttribute("leaveRequest", leaveRequests.ofTask(task.id()).orElse(null));
        if (task.upn() == null) {
            return;
        }
        directory.pupil(task.upn()).ifPresent(pupil -> {
            model.addAttribute("pupil", pupil);
            model.addAttribute("glance", glances.of(pupil, AcademicYear.containing(LocalDate.now(clock))));
        });
    }
}
