package org.openattendance.returns;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.London;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The joint reasonable enquiries the 20-day ground needs: processes/twenty-day-enquiries.bpmn gives the school's
 * attendance staff one task and the LA's attendance officers another; completing each records that side's enquiries
 * (a row per task, so a task completed again records nothing twice). One run per pupil at a time.
 */
@Component
public class JointEnquiries {

    static final String PROCESS = "twenty-day-enquiries";
    static final int DUE_SCHOOL_DAYS = 5;

    private final RuntimeService runtime;
    private final SchoolDirectory directory;
    private final ReturnDays schoolDays;
    private final AuditTrail audit;
    private final Clock clock;

    JointEnquiries(RuntimeService runtime, SchoolDirectory directory, ReturnDays schoolDays, AuditTrail audit, Clock clock) {
        this.runtime = runtime;
        this.directory = directory;
        this.schoolDays = schoolDays;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts the joint enquiries for a pupil the signed-in member of staff may change; answers the instance id. */
    @Transactional
    public String start(String upn) {
        Pupil pupil = directory.visiblePupil(upn);
        School school = directory.writableSchool(pupil.getSchoolUrn());
        if (isRunning(pupil.getUpn())) {
            throw new InvalidInputException("Joint enquiries for this pupil are already under way");
        }
        if (pupil.getDeletionDate() != null && pupil.getDeletionDate().isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("The pupil left the roll on " + pupil.getDeletionDate());
        }
        LocalDate due = schoolDays.after(school.getUrn(), LocalDate.now(clock), DUE_SCHOOL_DAYS);
        Map<String, Object> variables = new HashMap<>();
        variables.put("upn", pupil.getUpn());
        variables.put("pupilId", pupil.getId());
        variables.put("schoolUrn", school.getUrn());
        variables.put("laCode", school.getLaCode());
        variables.put("enquiriesDue", Date.from(due.atTime(17, 0).atZone(London.ZONE).toInstant()));
        String id = runtime.startProcessInstanceByKey(PROCESS, pupil.getUpn() + "-twenty-day-enquiries-" + Instant.now(clock),
                variables).getId();
        audit.record(AuditTrail.Action.CHANGE_PUPILS, "pupil", pupil.getUpn(), "joint enquiries for the 20-day ground started");
        return id;
    }

    public boolean isRunning(String upn) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).variableValueEquals("upn", upn).count() > 0;
    }

    /** The complete listener on each enquiry task: the task's input parameter {@code side} says whose enquiries. */
    @Bean
    static TaskListener deletionEnquiryRecorder(JdbcTemplate jdbc, Clock clock) {
        return task -> {
            Map<String, Object> answers = new HashMap<>();
            if (task.getVariable("form") instanceof Map<?, ?> form) {
                form.forEach((key, value) -> answers.put(String.valueOf(key), value));
            }
            for (String key : new String[] {"enquiries", "childFound", "whereFound"}) {
                if (!answers.containsKey(key) && task.getVariable(key) != null) {
                    answers.put(key, task.getVariable(key));
                }
            }
            Object completedBy = task.getVariable("completedBy");
            String by = completedBy != null ? completedBy.toString()
                    : task.getAssignee() != null ? task.getAssignee() : "unknown";
            Object where = answers.get("whereFound");
            jdbc.update("""
                    insert into deletion_enquiry (pupil_id, side, enquiries, child_found, where_found, recorded_by,
                      recorded_at, task_id) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (task_id) do nothing""",
                    ((Number) task.getVariable("pupilId")).longValue(), task.getExecution().getVariableLocal("side"),
                    String.valueOf(answers.getOrDefault("enquiries", "")), "YES".equals(answers.get("childFound")),
                    where == null || where.toString().isBlank() ? null : where.toString(),
                    by, Timestamp.from(Instant.now(clock)), task.getId());
        };
    }
}
