package org.openattendance.casework;

import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** The engine's task calls for the task API, scoped to what a member of staff may work. */
@Component
class CaseTasks {

    record TaskView(String id, String name, String taskKey, String processInstanceId, String businessKey, Date due,
                    String assignee) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;

    CaseTasks(TaskService tasks, FormService forms, IdentityService identity) {
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
    }

    /** Open tasks the user may work: offered to one of their groups and unclaimed, or assigned to them. */
    List<TaskView> workable(StaffUser user, String upn) {
        TaskQuery query = scoped(user);
        if (upn != null && !upn.isBlank()) {
            query.processInstanceBusinessKeyLike(upn.trim().toUpperCase() + "-%");
        }
        return query.orderByDueDate().asc().list().stream().map(CaseTasks::view).toList();
    }

    List<TaskView> openTasksOf(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).orderByDueDate().asc().list().stream()
                .map(CaseTasks::view).toList();
    }

    /** The task if the user may work it (or has claimed it); otherwise it does not exist for them. */
    TaskView visible(StaffUser user, String taskId) {
        Task task = scoped(user).taskId(taskId).singleResult();
        if (task == null) {
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
                    Object value = tasks.getVariable(taskId, placeholder.group(1));
                    placeholder.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value.toString()));
                }
                placeholder.appendTail(filled);
                ((ObjectNode) component).put("text", filled.toString());
                changed = true;
            }
        }
        return changed ? JSON.writeValueAsBytes(form) : formJson;
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
                null, task.getDueDate(), task.getAssignee());
    }
}
