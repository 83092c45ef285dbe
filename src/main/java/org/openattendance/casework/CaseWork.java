package org.openattendance.casework;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Casework as other modules (the staff pages) use it: the tasks a member of staff may work with their cases,
 * claiming, the task's form and "validate and complete" with the same checks as the JSON task API.
 */
@Component
public class CaseWork {

    /**
     * A task the user may work, with its case (null when the task belongs to no case) and its pupil's UPN (from the
     * case, or from the process of a request such as leave of absence; null when the task is about no pupil), and
     * the name of the process it is part of ("Leave of absence request"), as the model names it.
     */
    public record WorkItem(String id, String name, String taskKey, Instant due, String assignee,
                           CaseStore.CaseRecord kase, String upn, String process) {

        public boolean severeAbsence() {
            return kase != null && kase.priority() == Priority.TOP;
        }

        /** Safeguarding work: named so in the process (home visit, referral) or about a safeguarding concern. */
        public boolean safeguarding() {
            String text = ((name == null ? "" : name) + " " + (taskKey == null ? "" : taskKey)).toLowerCase(Locale.ROOT);
            return text.contains("safeguard");
        }
    }

    /**
     * What a page of the inbox shows: tasks of one school, stage (a {@link Stage} name) and task type (blank: any),
     * earliest due first or by the case's priority first (top, high, normal, then tasks without a case).
     */
    public record TaskFilter(String schoolUrn, String stage, String taskKey, boolean byPriority) {
        public static final TaskFilter ALL = new TaskFilter(null, null, null, false);
    }

    /** A page of tasks and how many tasks pass the filter in all. */
    public record TaskPage(List<WorkItem> items, long matching) {
    }

    /**
     * Counts over every task in reach, whatever the filter: assigned to the user, unclaimed for their team,
     * overdue (due before today) and due today.
     */
    public record TaskCounts(long assignedToMe, long team, long overdue, long dueToday) {
        /** Every task in reach: the user's own and the team's unclaimed ones. */
        public long total() {
            return assignedToMe + team;
        }
    }

    /** A school (null for a task without a case), stage and task type found among the tasks in reach. */
    public record TaskChoice(String schoolUrn, Stage stage, String taskKey, String taskName) {
    }

    private final CaseTasks tasks;
    private final CaseStore records;
    private final TaskService taskService;
    private final RepositoryService repository;
    /** Process names by definition id: a deployed definition never changes, so any node may keep them. */
    private final Map<String, String> processNames = new ConcurrentHashMap<>();

    private final FormAnswers formAnswers;
    private final LettersAhead lettersAhead;

    CaseWork(CaseTasks tasks, CaseStore records, TaskService taskService, RepositoryService repository,
             FormAnswers formAnswers, LettersAhead lettersAhead) {
        this.lettersAhead = lettersAhead;
        this.formAnswers = formAnswers;
        this.repository = repository;
        this.tasks = tasks;
        this.records = records;
        this.taskService = taskService;
    }

    /** Open tasks the user may work (offered to their groups, or assigned to them), earliest due first. */
    public List<WorkItem> workable(StaffUser user) {
        return items(tasks.workable(user, null));
    }

    /** Open tasks of one pupil's cases that the user may work, earliest due first. */
    public List<WorkItem> workableFor(StaffUser user, String upn) {
        return items(tasks.workable(user, upn));
    }

    /**
     * One page of the tasks the user may work that pass the filter ({@code first} counts from 0), with their cases;
     * filter, order and page are applied in the database.
     */
    public TaskPage workable(StaffUser user, TaskFilter filter, int first, int max) {
        return new TaskPage(items(tasks.page(user, filter, first, max)), tasks.matching(user, filter));
    }

    /** Counts of the tasks the user may work; "today" runs from {@code startOfToday} to {@code startOfTomorrow}. */
    public TaskCounts counts(StaffUser user, Instant startOfToday, Instant startOfTomorrow) {
        return tasks.counts(user, startOfToday, startOfTomorrow);
    }

    /** What the inbox's filters can offer: the schools, stages and task types among the tasks the user may work. */
    public List<TaskChoice> choices(StaffUser user) {
        return tasks.choices(user);
    }

    /** The task if the user may work it; otherwise {@link org.openattendance.shared.NotFoundException}. */
    public WorkItem task(StaffUser user, String taskId) {
        return items(List.of(tasks.visible(user, taskId))).get(0);
    }

    public void claim(StaffUser user, String taskId) {
        tasks.claim(user, taskId);
    }

    /** Gives the task back to the team; only its assignee may. */
    public void unclaim(StaffUser user, String taskId) {
        var task = tasks.visible(user, taskId);
        if (user.username().equals(task.assignee())) {
            taskService.setAssignee(taskId, null);
        }
    }

    /** The task's Camunda Forms JSON (forms/*.form). */
    public byte[] form(StaffUser user, String taskId) {
        return tasks.form(user, taskId);
    }

    /**
     * The letter a task leads to: its template, the fields the case already knows (by letter field) and, by letter
     * field, the key of the task's form that will give the rest.
     */
    public record LetterAhead(String templateKey, Map<String, String> known, Map<String, String> fromForm) {
    }

    /** The letter that completing this task (with a yes) sends, if the model has one right after it. */
    public Optional<LetterAhead> letterAhead(StaffUser user, String taskId) {
        tasks.visible(user, taskId);
        var task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        var formKeys = formKeys(tasks.form(user, taskId));
        return lettersAhead.after(task).map(plan -> {
            var known = new LinkedHashMap<String, String>();
            var fromForm = new LinkedHashMap<String, String>();
            plan.sources().forEach((field, source) -> {
                if (formKeys.contains(source)) {
                    fromForm.put(field, source);
                } else {
                    Object value = lettersAhead.variable(task, source);
                    if (value != null && !value.toString().isBlank()) {
                        known.put(field, value.toString());
                    }
                }
            });
            return new LetterAhead(plan.templateKey(), known, fromForm);
        });
    }

    /**
     * The answers this school gave the last time it completed a task of this name, for the fields of the task's form
     * that go into its letter (the contact's name and telephone number): offered again, not typed for every letter.
     */
    public Map<String, String> answersOfferedAgain(StaffUser user, String taskId) {
        WorkItem item = task(user, taskId);
        var offered = new LinkedHashMap<String, String>();
        if (item.kase() == null) {
            return offered;
        }
        var keys = letterAhead(user, taskId).map(l -> l.fromForm().values()).orElse(List.of());
        if (keys.isEmpty()) {
            return offered;
        }
        records.latestCompletionAtSchool(item.kase().schoolUrn(), item.name()).ifPresent(json -> {
            try {
                var answers = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
                for (String key : keys) {
                    if (answers.path(key).isTextual() && !answers.path(key).asText().isBlank()) {
                        offered.put(key, answers.path(key).asText());
                    }
                }
            } catch (java.io.IOException e) {
                // an entry that is not JSON offers nothing
            }
        });
        return offered;
    }

    private static Set<String> formKeys(byte[] formJson) {
        var keys = new java.util.HashSet<String>();
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(formJson).path("components")
                    .forEach(c -> {
                        if (c.hasNonNull("key")) {
                            keys.add(c.path("key").asText());
                        }
                    });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("form is not JSON", e);
        }
        return keys;
    }

    /** A form completed earlier on the case: which task, when, by whom, and its answers in words. */
    public record CompletedForm(String taskName, Instant completedAt, String by, List<FormAnswers.Answer> answers) {
    }

    /**
     * The latest completion of a task with this form on the case (the school's request that an LA officer decides
     * on), or empty when no such task was completed.
     */
    public Optional<CompletedForm> latestCompleted(CaseStore.CaseRecord kase, String formId) {
        var events = records.timeline(kase.id());
        for (int i = events.size() - 1; i >= 0; i--) {
            var event = events.get(i);
            if (event.kind() != CaseEventKind.TASK || event.name() == null || !event.name().startsWith("Completed: ")) {
                continue;
            }
            String taskName = event.name().substring("Completed: ".length());
            if (formAnswers.formIdOf(taskName).filter(formId::equals).isPresent()) {
                return Optional.of(new CompletedForm(taskName, event.at(), event.actor(),
                        formAnswers.answers(taskName, event.detail())));
            }
        }
        return Optional.empty();
    }

    /** The open tasks of the case and of the stages it called (its legal stages), whoever may work them. */
    public List<WorkItem> openTasks(CaseStore.CaseRecord kase) {
        return kase.processInstanceId() == null ? List.of() : items(tasks.openTasksOf(kase.processInstanceId()));
    }

    public List<CaseStore.CaseEvent> timeline(CaseStore.CaseRecord kase) {
        return records.timeline(kase.id());
    }

    public Optional<CaseStore.CaseRecord> caseOf(String upn) {
        return records.latestFor(upn);
    }

    /** The pupil's case for one academic year, if there is one. */
    public Optional<CaseStore.CaseRecord> caseOf(long pupilId, String academicYear) {
        return records.find(pupilId, academicYear);
    }

    /** The stages the case has been at, from its stage history, and the stage it is at now. */
    public Set<Stage> stagesReached(CaseStore.CaseRecord kase) {
        var reached = EnumSet.of(kase.stage());
        records.stageHistory(kase.id()).forEach(entry -> reached.add(entry.stage()));
        return reached;
    }

    /**
     * The stages with work still open: each open task of the case belongs to the stage the case had last entered when
     * the task was created (a children-missing-education referral stays open while a later stage starts).
     */
    public Set<Stage> stagesOpen(CaseStore.CaseRecord kase) {
        var open = EnumSet.noneOf(Stage.class);
        if (kase.processInstanceId() == null || "CLOSED".equals(kase.status())) {
            return open;
        }
        List<CaseStore.StageEntry> history = records.stageHistory(kase.id());
        for (var task : taskService.createTaskQuery().processInstanceId(kase.processInstanceId()).list()) {
            Instant created = task.getCreateTime().toInstant();
            Stage stage = null;
            for (var entry : history) {
                // The engine keeps a task's creation to the millisecond; the stage history to the microsecond.
                if (!entry.enteredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).isAfter(created)) {
                    stage = entry.stage();
                }
            }
            if (stage != null && stage != Stage.CLOSED) {
                open.add(stage);
            }
        }
        return open;
    }

    /**
     * Checks the submission against the task's form and completes nothing: throws {@link InvalidInputException} with
     * one problem per field, as {@link #validateAndComplete} would. For a page that found problems of its own (a date
     * that is not real) and shows every problem at once.
     */
    public void check(StaffUser user, String taskId, Map<String, Object> submission) {
        new FormCheck(tasks.form(user, taskId)).check(new LinkedHashMap<>(submission));
    }

    /**
     * Checks the submission against the task's form and completes the task as the user. Throws
     * {@link InvalidInputException} with one problem per field (where = the field's key) and completes nothing
     * when the submission does not pass.
     */
    public void validateAndComplete(StaffUser user, String taskId, Map<String, Object> submission) {
        FormCheck form = new FormCheck(tasks.form(user, taskId));
        var checked = form.check(new LinkedHashMap<>(submission));
        tasks.complete(user, taskId, form.routingValues(checked), checked, FormCheck.toJson(checked));
    }

    private String processName(String definitionId) {
        if (definitionId == null) {
            return null;
        }
        return processNames.computeIfAbsent(definitionId, id -> {
            String name = repository.getProcessDefinition(id).getName();
            return name == null ? "" : name;
        });
    }

    private List<WorkItem> items(List<CaseTasks.TaskView> views) {
        var cases = tasks.casesOf(views.stream().map(CaseTasks.TaskView::processInstanceId).distinct().toList());
        var upns = tasks.upnsOf(views.stream().map(CaseTasks.TaskView::processInstanceId)
                .filter(id -> !cases.containsKey(id)).distinct().toList());
        return views.stream().map(t -> {
            var kase = cases.get(t.processInstanceId());
            return new WorkItem(t.id(), t.name(), t.taskKey(), t.due() == null ? null : t.due().toInstant(), t.assignee(),
                    kase, kase == null ? upns.get(t.processInstanceId()) : kase.upn(), processName(t.processDefinitionId()));
        }).toList();
    }
}
