package org.openattendance.legal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.openattendance.shared.London;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Drives the legal processes in tests on the real engine: starts them with a case's variables, moves the engine's
 * clock and executes the timers due by then (of the process and the processes it called), completes tasks as a
 * named officer.
 */
@Component
class LegalProcessSupport {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final JdbcTemplate jdbc;

    LegalProcessSupport(RuntimeService runtime, TaskService tasks, ManagementService management, JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.jdbc = jdbc;
    }

    static void today(LocalDate day, LocalTime time) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(London.ZONE).toInstant()));
    }

    static Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(London.ZONE).toInstant());
    }

    ProcessInstance start(String process, LegalFixtures.Child child, Object... variables) {
        Map<String, Object> values = new HashMap<>();
        values.put("caseId", child.caseId().toString());
        values.put("upn", child.upn());
        values.put("schoolUrn", jdbc.queryForObject("select school_urn from pupil where id = ?", String.class, child.pupilId()));
        values.put("laCode", jdbc.queryForObject("select s.la_code from pupil p join school s on s.urn = p.school_urn "
                + "where p.id = ?", String.class, child.pupilId()));
        for (int i = 0; i < variables.length; i += 2) {
            values.put((String) variables[i], variables[i + 1]);
        }
        return runtime.startProcessInstanceByKey(process, child.upn() + "-" + process, values);
    }

    /** The open tasks of the process and of the processes it called. */
    List<Task> open(ProcessInstance instance, String taskKey) {
        var found = new ArrayList<Task>();
        for (String id : family(instance.getId())) {
            found.addAll(tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey(taskKey).list());
        }
        return found;
    }

    Task one(ProcessInstance instance, String taskKey) {
        var found = open(instance, taskKey);
        if (found.size() != 1) {
            var keys = new ArrayList<String>();
            for (String id : family(instance.getId())) {
                tasks.createTaskQuery().processInstanceId(id).list().forEach(t -> keys.add(t.getTaskDefinitionKey()));
            }
            throw new AssertionError("expected one open task " + taskKey + " but found " + found.size() + "; open: " + keys);
        }
        return found.get(0);
    }

    Object variable(ProcessInstance instance, String name) {
        return runtime.getVariable(instance.getId(), name);
    }

    Object variable(Task task, String name) {
        return tasks.getVariable(task.getId(), name);
    }

    void complete(ProcessInstance instance, String taskKey, Object... variables) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            values.put((String) variables[i], variables[i + 1]);
        }
        Task task = one(instance, taskKey);
        tasks.setAssignee(task.getId(), "officer.test");
        tasks.complete(task.getId(), values);
    }

    /** Moves the engine's clock to the day and time and executes every timer of the processes due by then. */
    int passTo(ProcessInstance instance, LocalDate day, LocalTime time) {
        today(day, time);
        Date now = ClockUtil.getCurrentTime();
        int executed = 0;
        boolean again = true;
        while (again) {
            again = false;
            for (String id : family(instance.getId())) {
                for (Job job : management.createJobQuery().processInstanceId(id).timers().list()) {
                    if (!job.getDuedate().after(now)) {
                        management.executeJob(job.getId());
                        executed++;
                        again = true;
                    }
                }
            }
        }
        return executed;
    }

    List<Job> timers(ProcessInstance instance) {
        var found = new ArrayList<Job>();
        for (String id : family(instance.getId())) {
            found.addAll(management.createJobQuery().processInstanceId(id).timers().list());
        }
        return found;
    }

    boolean ended(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
    }

    /** Where each problem is, of the {@link org.openattendance.shared.InvalidInputException} behind an exception. */
    static List<String> problems(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.openattendance.shared.InvalidInputException invalid) {
                return invalid.problems().stream().map(org.openattendance.shared.InvalidInputException.Problem::where).toList();
            }
        }
        throw new AssertionError("not refused as invalid input", thrown);
    }

    /** The process and every process it called, directly or not. */
    List<String> family(String processInstanceId) {
        var ids = new ArrayList<String>();
        ids.add(processInstanceId);
        for (int i = 0; i < ids.size(); i++) {
            runtime.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list().forEach(p -> ids.add(p.getId()));
        }
        return ids;
    }
}
