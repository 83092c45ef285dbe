package org.openattendance.casework;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.openattendance.security.AuditTrail;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.BritishDates;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The engine's task calls for the task API, scoped to what a member of staff may work. */
@Component
class CaseTasks {

    record TaskView(String id, String name, String taskKey, String processInstanceId, String businessKey, Date due,
                    String assignee, String processDefinitionId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A filled-in form keeps the layout of the forms/*.form files ("key": value, indented), as the API served it. */
    private static final ObjectWriter FORM_LAYOUT = JSON.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final NamedParameterJdbcTemplate jdbc;
    private final String taskTable;
    private final String linkTable;
    private final String executionTable;
    private final CaseStore records;
    private final AuditTrail audit;
    private final AbsenceOnTask absence;

    CaseTasks(TaskService tasks, FormService forms, IdentityService identity, RuntimeService runtime,
              ManagementService management, NamedParameterJdbcTemplate jdbc, CaseStore records, AuditTrail audit,
              AbsenceOnTask absence) {
        this.absence = absence;
        this.audit = audit;
        this.runtime = runtime;
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
        this.jdbc = jdbc;
        this.taskTable = management.getTableName(Task.class);
        this.linkTable = management.getTableName(IdentityLinkEntity.class);
        this.executionTable = management.getTableName(org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity.class);
        this.records = records;
    }

    /** Open tasks the user may work: offered to one of their groups and unclaimed, or assigned to them. */
    List<TaskView> workable(StaffUser user, String upn) {
        TaskQuery query = scoped(user);
        if (upn != null && !upn.isBlank()) {
            query.processInstanceBusinessKeyLike(upn.trim().toUpperCase() + "-%");
        }
        return query.orderByDueDate().asc().list().stream().map(CaseTasks::view).toList();
    }

    /**
     * One page of the tasks in reach that pass the filter, read by the engine's native task query: filters, order
     * and page are applied in the database, so the cost follows the page size, not the number of tasks.
     */
    List<TaskView> page(StaffUser user, CaseWork.TaskFilter filter, int first, int max) {
        InboxQuery inbox = inbox(user, filter, name -> "#{" + name + "}");
        NativeTaskQuery query = tasks.createNativeTaskQuery().sql(inbox.select(filter.byPriority()));
        inbox.parameters().forEach(query::parameter);
        return query.listPage(first, max).stream().map(CaseTasks::view).toList();
    }

    /** How many tasks in reach pass the filter. */
    long matching(StaffUser user, CaseWork.TaskFilter filter) {
        InboxQuery inbox = inbox(user, filter, name -> "#{" + name + "}");
        NativeTaskQuery query = tasks.createNativeTaskQuery().sql(inbox.count());
        inbox.parameters().forEach(query::parameter);
        return query.count();
    }

    /** The engine's count queries: nothing but four numbers leaves the database. */
    CaseWork.TaskCounts counts(StaffUser user, Instant startOfToday, Instant startOfTomorrow) {
        long mine = tasks.createTaskQuery().taskAssignee(user.username()).count();
        List<String> groups = user.camundaGroups();
        // A candidate-group query leaves out assigned tasks: these are the team's unclaimed ones.
        long team = groups.isEmpty() ? 0 : tasks.createTaskQuery().taskCandidateGroupIn(groups).count();
        long overdue = scoped(user).dueBefore(Date.from(startOfToday)).count();
        // dueAfter is strictly after: one millisecond back takes in a task due at midnight.
        long dueToday = scoped(user).dueAfter(Date.from(startOfToday.minusMillis(1)))
                .dueBefore(Date.from(startOfTomorrow)).count();
        return new CaseWork.TaskCounts(mine, team, overdue, dueToday);
    }

    /** School (null when the task has no case), stage and task type of the tasks in reach, once each. */
    List<CaseWork.TaskChoice> choices(StaffUser user) {
        InboxQuery inbox = inbox(user, null, name -> ":" + name);
        return jdbc.query(inbox.choices(), inbox.parameters(), (rs, i) -> new CaseWork.TaskChoice(rs.getString(1),
                rs.getString(2) == null ? null : Stage.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
    }

    private InboxQuery inbox(StaffUser user, CaseWork.TaskFilter filter, java.util.function.Function<String, String> marker) {
        return new InboxQuery(user, filter, taskTable, linkTable, executionTable, marker);
    }

    /** The open tasks of the case's process and of the processes it called (its legal stages). */
    List<TaskView> openTasksOf(String processInstanceId) {
        var instances = new ArrayList<String>(List.of(processInstanceId));
        for (int i = 0; i < instances.size(); i++) {
            runtime.createProcessInstanceQuery().superProcessInstanceId(instances.get(i)).list()
                    .forEach(p -> instances.add(p.getId()));
        }
        return tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).orderByDueDate().asc()
                .list().stream().map(CaseTasks::view).toList();
    }

    /**
     * The case of each process instance: its own, or for a process the case called (a Notice to Improve, a penalty
     * notice, a prosecution) the case of the process at the top of the calls. Processes of no case are left out.
     */
    Map<String, CaseStore.CaseRecord> casesOf(Collection<String> processInstanceIds) {
        var found = new HashMap<>(records.byProcessInstances(processInstanceIds));
        var others = processInstanceIds.stream().filter(id -> !found.containsKey(id)).toArray(String[]::new);
        if (others.length > 0) {
            var roots = new HashMap<String, String>();
            runtime.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(others)).list().forEach(p -> {
                if (p.getRootProcessInstanceId() != null && !p.getRootProcessInstanceId().equals(p.getId())) {
                    roots.put(p.getId(), p.getRootProcessInstanceId());
                }
            });
            var byRoot = records.byProcessInstances(roots.values());
            roots.forEach((id, root) -> {
                if (byRoot.containsKey(root)) {
                    found.put(id, byRoot.get(root));
                }
            });
        }
        return found;
    }

    /**
     * The pupil of each process instance from its {@code upn} variable, in one query: tasks of processes that
     * belong to no case (a leave request) still name their pupil.
     */
    Map<String, String> upnsOf(Collection<String> processInstanceIds) {
        var found = new HashMap<String, String>();
        if (!processInstanceIds.isEmpty()) {
            runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new))
                    .variableName("upn").list().forEach(v -> {
                        if (v.getValue() instanceof String upn) {
                            found.put(v.getProcessInstanceId(), upn);
                        }
                    });
        }
        return found;
    }

    /**
     * The task if the user may work it (or has claimed it); otherwise it does not exist for them, and the attempt
     * is audited with the task's pupil, if it has one.
     */
    TaskView visible(StaffUser user, String taskId) {
        Task task = scoped(user).taskId(taskId).singleResult();
        if (task == null) {
            Task any = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
            String upn = any == null ? null : upnsOf(List.of(any.getProcessInstanceId())).get(any.getProcessInstanceId());
            audit.refused(AuditTrail.Action.READ_PUPIL, "task", taskId == null ? "(none)" : taskId, upn,
                    any == null ? "no such task" : "task outside their scope");
            throw new NotFoundException("No task " + taskId);
        }
        return view(task);
    }

    void claim(StaffUser user, String taskId) {
        visible(user, taskId);
        tasks.claim(taskId, user.username());
    }

    byte[] form(StaffUser user, String taskId) {
        visible(user, taskId);
        try (InputStream in = forms.getDeployedTaskForm(taskId)) {
            return withValues(taskId, in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fills the {@code {{name}}} placeholders of the form's text components with the task's variables (e.g. the
     * school's record of what it tried on a children-missing-education referral), as Camunda's Tasklist does.
     */
    private byte[] withValues(String taskId, byte[] formJson) throws IOException {
        JsonNode form = JSON.readTree(formJson);
        boolean changed = false;
        for (JsonNode component : form.path("components")) {
            String text = component.path("text").asText("");
            if ("text".equals(component.path("type").asText()) && text.contains("{{")) {
                Matcher placeholder = PLACEHOLDER.matcher(text);
                var filled = new StringBuilder();
                while (placeholder.find()) {
                    placeholder.appendReplacement(filled, Matcher.quoteReplacement(valueFor(taskId, placeholder.group(1))));
                }
                placeholder.appendTail(filled);
                ((ObjectNode) component).put("text", filled.toString());
                changed = true;
            }
        }
        return changed ? FORM_LAYOUT.writeValueAsBytes(form) : formJson;
    }

    /**
     * A placeholder's text: {@code absence} is the day and sessions of the absence a first-day contact task is about;
     * any other is the task's variable of that name, a date written the British way ("Monday 7 December 2026").
     */
    private String valueFor(String taskId, String name) {
        if ("absence".equals(name)) {
            return absence.describe(tasks.getVariable(taskId, "caseId"), tasks.getVariable(taskId, "absenceDate"));
        }
        Object value = tasks.getVariable(taskId, name);
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return BritishDates.WEEKDAY.format(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        return text;
    }

    /**
     * Completes as the user: routing values become variables, the whole submission goes on the timeline and is
     * offered to the steps that follow in the same transaction as the transient variable {@code form} (letters
     * take their fields from it).
     */
    void complete(StaffUser user, String taskId, Map<String, Object> routing, Map<String, Object> submitted,
                  String submissionJson) {
        TaskView task = visible(user, taskId);
        if (task.assignee() == null) {
            tasks.setAssignee(taskId, user.username());
        }
        Map<String, Object> variables = new HashMap<>(routing);
        variables.put("submission", Variables.stringValue(submissionJson, true));
        variables.put("form", Variables.objectValue(new HashMap<>(submitted), true).create());
        variables.put("completedBy", Variables.stringValue(user.username(), true));
        variables.put("completedByRole", Variables.stringValue(user.primaryRole(), true));
        identity.setAuthentication(user.username(), user.camundaGroups());
        try {
            tasks.complete(taskId, variables);
        } catch (ProcessEngineException e) {
            // A step of the process (a task listener) found the submission wanting: answer its problems (400).
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException invalid) {
                    throw invalid;
                }
            }
            throw e;
        } finally {
            identity.clearAuthentication();
        }
    }

    private TaskQuery scoped(StaffUser user) {
        TaskQuery query = tasks.createTaskQuery();
        List<String> groups = user.camundaGroups();
        if (groups.isEmpty()) {
            return query.taskAssignee(user.username());
        }
        return query.or().taskCandidateGroupIn(groups).taskAssignee(user.username()).endOr();
    }

    private static TaskView view(Task task) {
        return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                null, task.getDueDate(), task.getAssignee(), task.getProcessDefinitionId());
    }
}
