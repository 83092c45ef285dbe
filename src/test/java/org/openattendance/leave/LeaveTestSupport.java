package org.openattendance.leave;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.openattendance.casework.CaseStore;
import org.openattendance.casework.Stage;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.ParentData;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.openattendance.support.Fixtures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Families, requests and their processes for the leave tests. */
@Component
class LeaveTestSupport {

    record Family(String urn, String laCode, String upn, long pupilId, String forename, String surname,
                  LocalDate dateOfBirth, String motherEmail, String fatherEmail, String grandmotherEmail) {
    }

    record Started(UUID requestId, Family family, ProcessInstance instance) {
        String id() {
            return instance.getId();
        }
    }

    private final Fixtures fixtures;
    private final SchoolAdministration schools;
    private final LeaveRequestStore store;
    private final LeaveProcess process;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CaseStore cases;

    LeaveTestSupport(Fixtures fixtures, SchoolAdministration schools, LeaveRequestStore store, LeaveProcess process,
                     RuntimeService runtime, TaskService tasks, ManagementService management, JdbcTemplate jdbc,
                     PlatformTransactionManager transactions, CaseStore cases) {
        this.cases = cases;
        this.fixtures = fixtures;
        this.schools = schools;
        this.store = store;
        this.process = process;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A pupil living with their mother (parental responsibility), with a father who has parental responsibility
     * but lives elsewhere, and a grandmother without it.
     */
    Family family() {
        var school = fixtures.school(fixtures.newLaCode());
        String upn = fixtures.newUpn();
        String tag = upn.toLowerCase();
        String surname = "Leave" + upn.substring(7);
        LocalDate born = LocalDate.of(2016, 5, 17);
        schools.savePupils(school.urn(), List.of(new PupilData(upn, "Robin", surname, born, 5,
                AcademicYear.containing(Fixtures.today()).previous().firstDay(), Set.of(), null, List.of(
                new ParentData("Ann " + surname, "Mother", true, true, "ann." + tag + "@example.org", "07700 900001", "1 Low Road, Northtown"),
                new ParentData("Ben " + surname, "Father", true, false, "ben." + tag + "@example.org", "07700 900002", "9 Far Lane, Southtown"),
                new ParentData("Cat " + surname, "Grandmother", false, false, "cat." + tag + "@example.org", "07700 900003", "3 Mill Row, Northtown")))));
        long pupilId = jdbc.queryForObject("select id from pupil where upn = ?", Long.class, upn);
        return new Family(school.urn(), school.laCode(), upn, pupilId, "Robin", surname, born,
                "ann." + tag + "@example.org", "ben." + tag + "@example.org", "cat." + tag + "@example.org");
    }

    /** The n-th weekday from today (1 = the next weekday). */
    static LocalDate weekdaysAhead(int n) {
        LocalDate day = Fixtures.today();
        int found = 0;
        while (found < n) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                found++;
            }
        }
        return day;
    }

    /** A submitted request stored as the API would store it, and its process started. */
    Started start(Family f, LocalDate from, LocalDate to, LeaveReason reason) {
        return transaction.execute(status -> {
            Instant now = ClockUtil.getCurrentTime().toInstant();
            var request = new LeaveRequest(UUID.randomUUID(), f.pupilId(), f.upn(), f.urn(), from, Session.AM, to,
                    Session.PM, reason, "Details", "Ann", "Ann " + f.surname(), null, "PAPER", "test", LeaveStatus.SUBMITTED,
                    now, now, false, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
            store.insert(request);
            double days = Math.max(1, jdbc.queryForObject("select count(*) from generate_series(?::date, ?::date, '1 day') d "
                    + "where extract(isodow from d) < 6", Integer.class, from, to));
            String id = process.start(request, days);
            store.linkProcess(request.id(), id);
            return new Started(request.id(), f, runtime.createProcessInstanceQuery().processInstanceId(id).singleResult());
        });
    }

    /** The pupil's attendance case for this year, opened as casework opens it (no process needed here). */
    UUID openCase(Family f) {
        return transaction.execute(status -> cases.openIfAbsent(f.pupilId(), f.upn(),
                AcademicYear.containing(Fixtures.today()).toString(), f.urn(), f.laCode(),
                Stage.FIRST_DAY_CONTACT).orElseThrow());
    }

    LeaveRequest request(Started s) {
        return store.find(s.requestId()).orElseThrow();
    }

    Task one(Started s, String taskKey) {
        var found = tasks.createTaskQuery().processInstanceId(s.id()).taskDefinitionKey(taskKey).list();
        if (found.size() != 1) {
            throw new AssertionError("expected one open task " + taskKey + " but found " + found.size() + "; open: "
                    + tasks.createTaskQuery().processInstanceId(s.id()).list().stream().map(Task::getTaskDefinitionKey).toList());
        }
        return found.get(0);
    }

    void complete(Started s, String taskKey, Object... variables) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            values.put((String) variables[i], variables[i + 1]);
        }
        values.putIfAbsent("completedBy", "head.test");
        values.putIfAbsent("completedByRole", "HEADTEACHER");
        tasks.complete(one(s, taskKey).getId(), values);
    }

    /** Moves the engine's clock forward and executes every timer of the process due by then. */
    int passTime(Started s, Duration duration) {
        Date now = new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
        ClockUtil.setCurrentTime(now);
        int executed = 0;
        for (Job job : management.createJobQuery().processInstanceId(s.id()).timers().list()) {
            if (!job.getDuedate().after(now)) {
                management.executeJob(job.getId());
                executed++;
            }
        }
        return executed;
    }

    /** Register marks as a school upload would have stored them (past days). */
    void marks(Family f, String code, LocalDate... days) {
        for (LocalDate day : days) {
            for (String session : List.of("AM", "PM")) {
                jdbc.update("insert into session_mark (pupil_id, mark_date, session, code, recorded_by, recorded_at, source) "
                        + "values (?, ?, ?, ?, 'test', now(), 'UPLOAD')", f.pupilId(), day, session, code);
            }
        }
    }

    /**
     * The HTML of the pupil's letter, once notification has issued it: leave asks for the letter by an event that
     * notification handles after the step's transaction commits.
     */
    String letterHtml(Family f) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select html from letter where pupil_id = ?", String.class, f.pupilId()), html -> !html.isEmpty()).get(0);
    }

    String code(Family f, LocalDate day, String session) {
        return jdbc.queryForList("select code from session_mark where pupil_id = ? and mark_date = ? and session = ?",
                String.class, f.pupilId(), day, session).stream().findFirst().orElse(null);
    }
}
