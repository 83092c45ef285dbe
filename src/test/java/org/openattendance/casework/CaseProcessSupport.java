package org.openattendance.casework;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.openattendance.school.Cohort;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.shared.AcademicYear;
import org.openattendance.support.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Opens cases for process tests the way CaseSignals does, and drives their messages, tasks and timers. */
@Component
public class CaseProcessSupport {

    public record TestCase(UUID caseId, String upn, String schoolUrn, String laCode, ProcessInstance instance) {
        public String id() {
            return instance.getId();
        }
    }

    private final Fixtures fixtures;
    private final SchoolAdministration schools;
    private final CaseStore records;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    CaseProcessSupport(Fixtures fixtures, SchoolAdministration schools, CaseStore records, RuntimeService runtime,
                       TaskService tasks, ManagementService management, JdbcTemplate jdbc,
                       PlatformTransactionManager transactions) {
        this.fixtures = fixtures;
        this.schools = schools;
        this.records = records;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    public TestCase openCase(String socialWorker, Set<Cohort> cohorts) {
        return openCase(fixtures.school(fixtures.newLaCode()), socialWorker, cohorts);
    }

    /** A case of a new pupil at this school. */
    public TestCase openCase(Fixtures.TestSchool school, String socialWorker, Set<Cohort> cohorts) {
        String upn = fixtures.newUpn();
        schools.savePupils(school.urn(), List.of(fixtures.pupilData(upn, socialWorker, cohorts)));
        long pupilId = jdbc.queryForObject("select id from pupil where upn = ?", Long.class, upn);
        String year = AcademicYear.containing(Fixtures.today()).toString();
        return transaction.execute(status -> {
            UUID caseId = records.openIfAbsent(pupilId, upn, year, school.urn(), school.laCode(), Stage.FIRST_DAY_CONTACT)
                    .orElseThrow();
            Map<String, Object> variables = new HashMap<>();
            variables.put("caseId", caseId.toString());
            variables.put("upn", upn);
            variables.put("schoolUrn", school.urn());
            variables.put("laCode", school.laCode());
            variables.put("socialWorker", socialWorker);
            variables.put("lookedAfter", cohorts.contains(Cohort.LOOKED_AFTER));
            variables.put("sendOrMedical", cohorts.contains(Cohort.EHCP) || cohorts.contains(Cohort.SEN_SUPPORT)
                    || cohorts.contains(Cohort.MEDICAL));
            var instance = runtime.startProcessInstanceByKey(CaseEngine.CASE_PROCESS, upn + "-" + year, variables);
            records.linkProcess(caseId, instance.getId());
            return new TestCase(caseId, upn, school.urn(), school.laCode(), instance);
        });
    }

    public TestCase openCase() {
        return openCase(null, Set.of());
    }

    public void send(TestCase c, String message, Object... variables) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            values.put((String) variables[i], variables[i + 1]);
        }
        runtime.createMessageCorrelation(message).processInstanceId(c.id()).setVariables(values).correlateAll();
    }

    public List<Task> open(TestCase c, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(c.id()).taskDefinitionKey(taskKey).list();
    }

    public Task one(TestCase c, String taskKey) {
        var found = open(c, taskKey);
        if (found.size() != 1) {
            throw new AssertionError("expected one open task " + taskKey + " but found " + found.size() + "; open: "
                    + tasks.createTaskQuery().processInstanceId(c.id()).list().stream().map(Task::getTaskDefinitionKey).toList());
        }
        return found.get(0);
    }

    public void complete(TestCase c, String taskKey, Object... variables) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            values.put((String) variables[i], variables[i + 1]);
        }
        tasks.complete(one(c, taskKey).getId(), values);
    }

    /** Moves the engine's clock forward and executes every timer of the case due by then. */
    public int passTime(TestCase c, Duration duration) {
        Date now = new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
        ClockUtil.setCurrentTime(now);
        int executed = 0;
        for (Job job : management.createJobQuery().processInstanceId(c.id()).timers().list()) {
            if (!job.getDuedate().after(now)) {
                management.executeJob(job.getId());
                executed++;
            }
        }
        return executed;
    }

    /**
     * Moves the engine's clock to the support plan's review date and fires it. The date is six school weeks on the
     * school's calendar, so it lies at least six calendar weeks ahead and further when a holiday falls in between:
     * a fixed number of days would depend on the day the test runs. Answers the days the clock moved.
     */
    public long passTimeToReviewDate(TestCase c) {
        Job review = management.createJobQuery().processInstanceId(c.id()).timers().activityId("review-date").singleResult();
        if (review == null) {
            throw new AssertionError("the case is not waiting for its review date");
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(
                ClockUtil.getCurrentTime().toInstant().atZone(org.openattendance.shared.London.ZONE).toLocalDate(),
                review.getDuedate().toInstant().atZone(org.openattendance.shared.London.ZONE).toLocalDate());
        if (days < 42) {
            throw new AssertionError("the review date is only " + days + " days ahead, not six school weeks");
        }
        ClockUtil.setCurrentTime(review.getDuedate());
        management.executeJob(review.getId());
        return days;
    }

    public Stage stage(TestCase c) {
        return records.find(c.caseId()).orElseThrow().stage();
    }

    public CaseStore.CaseRecord recordOf(TestCase c) {
        return records.find(c.caseId()).orElseThrow();
    }

    public List<CaseStore.CaseEvent> timeline(TestCase c) {
        return records.timeline(c.caseId());
    }
}
