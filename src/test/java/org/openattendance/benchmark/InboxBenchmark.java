package org.openattendance.benchmark;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.openattendance.benchmark.BenchmarkSupport.loadAverage;
import static org.openattendance.benchmark.BenchmarkSupport.print;
import static org.openattendance.benchmark.BenchmarkSupport.seconds;
import static org.openattendance.benchmark.BenchmarkSupport.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openattendance.benchmark.BenchmarkSupport.Timing;
import org.openattendance.casework.CaseStore;
import org.openattendance.casework.CaseWork;
import org.openattendance.casework.Priority;
import org.openattendance.casework.Stage;
import org.openattendance.school.School;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.London;
import org.openattendance.shared.Upn;
import org.openattendance.support.TestSchools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The inbox of an attendance officer with 10,000 open tasks in reach, run with
 * {@code mvn -Pbenchmark test -Dtest=InboxBenchmark} (see docs/performance.md). Not a timed test: it prints the
 * median, 95th percentile and maximum of rendering {@code /inbox} (whole request through Spring Security, the
 * controller and Thymeleaf, with MockMvc) and, in the same run, of two baselines: the engine's bare count of the
 * officer's tasks and the same page for an officer with an empty inbox.
 *
 * <p>The tasks are engine tasks in the officer's candidate group, with the same task key and name as the case
 * process's "Contact the parents today", four to a case, each case a real attendance_case row linked to its process
 * instance. They come from a test-only model (src/test/resources/inbox/open-tasks.bpmn): the real case
 * process makes a task only after a message, a decision and several timeline writes, 12 tasks a second on this
 * machine, so 10,000 would take a quarter of an hour; the inbox reads nothing those steps write.
 */
@SpringBootTest(properties = {"camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true", "logging.level.org.openattendance=warn"})
@ActiveProfiles("test")
class InboxBenchmark {

    static final int TASKS = Integer.getInteger("benchmark.tasks", 10_000);
    static final int TASKS_PER_CASE = 4;
    static final int WARM_UP = Integer.getInteger("benchmark.warmUp", 30);
    static final int ITERATIONS = Integer.getInteger("benchmark.iterations", 100);

    @Autowired
    SchoolAdministration administration;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    CaseStore records;
    @Autowired
    CaseWork work;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    WebApplicationContext context;

    @Test
    void renderTheInboxOfAnOfficerWithTenThousandTasks() throws Exception {
        var schools = new TestSchools(administration, directory);
        String la = TestSchools.someLaCode();
        School school = schools.school("Benchmark Academy", la);
        School empty = schools.school("Quiet Primary", la);
        StaffUser officer = TestSchools.officer("bench.officer", school);
        StaffUser idle = TestSchools.officer("bench.idle", empty);

        long start = System.nanoTime();
        int pupils = (TASKS + TASKS_PER_CASE - 1) / TASKS_PER_CASE;
        List<PupilRow> roll = pupils(school, pupils);
        print("%,d pupils saved in %.1f s", pupils, seconds(System.nanoTime() - start));
        start = System.nanoTime();
        openCases(school, roll);
        claim(officer, 200);
        long open = taskService.createTaskQuery().or().taskCandidateGroupIn(officer.camundaGroups())
                .taskAssignee(officer.username()).endOr().count();
        print("%,d open tasks in reach of %s, created in %.1f s", open, officer.username(), seconds(System.nanoTime() - start));
        jdbc.execute("vacuum analyze");

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MvcResult page = mvc.perform(get("/inbox").with(user(officer))).andReturn();
        String html = page.getResponse().getContentAsString();
        print("GET /inbox: status %d, %,d bytes, counts %s, %s", page.getResponse().getStatus(), html.length(),
                counts(html), caption(html));
        String filtered = mvc.perform(get("/inbox").param("stage", "LETTER").param("type", "contact-parents")
                .with(user(officer))).andReturn().getResponse().getContentAsString();
        print("GET /inbox?stage=LETTER&type=contact-parents: %,d bytes, %s", filtered.length(), caption(filtered));

        Instant startOfToday = LocalDate.now(London.ZONE).atStartOfDay(London.ZONE).toInstant();
        var measured = new LinkedHashMap<String, Callable<Object>>();
        measured.put("baseline: the engine's count of the officer's tasks", () -> taskService.createTaskQuery().or()
                .taskCandidateGroupIn(officer.camundaGroups()).taskAssignee(officer.username()).endOr().count());
        measured.put("baseline: GET /inbox, empty inbox", () -> render(mvc, idle, Map.of()));
        measured.put("GET /inbox (sorted by due date)", () -> render(mvc, officer, Map.of()));
        measured.put("GET /inbox?sort=priority", () -> render(mvc, officer, Map.of("sort", "priority")));
        measured.put("GET /inbox?stage=LETTER&type=contact-parents",
                () -> render(mvc, officer, Map.of("stage", "LETTER", "type", "contact-parents")));
        measured.put("GET /inbox?page=<last>", () -> render(mvc, officer, Map.of("page", String.valueOf((open + 49) / 50))));
        // The parts of the page on their own.
        measured.put("part: the four counts (engine count queries)",
                () -> work.counts(officer, startOfToday, startOfToday.plusSeconds(86_400)));
        measured.put("part: first page of 50 with its cases and count",
                () -> work.workable(officer, CaseWork.TaskFilter.ALL, 0, 50));
        measured.put("part: the filters' choices", () -> work.choices(officer));
        Map<String, Timing> timings = time(measured, WARM_UP, ITERATIONS);

        print("RESULT %,d open tasks in reach, %d warm-up rounds then %d timed rounds, %d cores", open, WARM_UP,
                ITERATIONS, Runtime.getRuntime().availableProcessors());
        timings.forEach((what, timing) -> print("RESULT %s", timing.describe(what, 55, 2)));
        Timing inbox = timings.get("GET /inbox (sorted by due date)");
        print("RESULT ratio GET /inbox median / empty inbox median = %.1f",
                inbox.median() / timings.get("baseline: GET /inbox, empty inbox").median());
        print("RESULT ratio GET /inbox median / engine count median = %.1f",
                inbox.median() / timings.get("baseline: the engine's count of the officer's tasks").median());
        print("RESULT load average %s", loadAverage());
    }

    record PupilRow(long id, String upn) {
    }

    private List<PupilRow> pupils(School school, int count) {
        var data = new ArrayList<PupilData>();
        for (int p = 0; p < count; p++) {
            String twelve = String.format("9%s%05d", school.getUrn(), p);
            data.add(new PupilData(Upn.checkLetterFor(twelve) + twelve, "Pupil" + p, "Bench", LocalDate.of(2014, 1, 1),
                    7 + p % 5, LocalDate.of(2023, 9, 1), Set.of(), null, List.of(), null, null));
            if (data.size() == 1_000 || p == count - 1) {
                administration.savePupils(school.getUrn(), data);
                data.clear();
            }
        }
        return jdbc.query("select id, upn from pupil where school_urn = ? order by id",
                (rs, i) -> new PupilRow(rs.getLong(1), rs.getString(2)), school.getUrn());
    }

    /**
     * One case per pupil, opened as CaseSignals opens it (the attendance_case row linked to its process instance),
     * with {@link #TASKS_PER_CASE} open tasks due on different days between a week ago and three days ahead; then
     * priorities and stages are spread over the cases.
     */
    private void openCases(School school, List<PupilRow> roll) {
        repository.createDeployment().name("inbox benchmark").addClasspathResource("inbox/open-tasks.bpmn").deploy();
        String year = AcademicYear.containing(LocalDate.now(London.ZONE)).toString();
        var transaction = new TransactionTemplate(transactions);
        LocalDate today = LocalDate.now(London.ZONE);
        Stage[] stages = {Stage.FIRST_DAY_CONTACT, Stage.FIRST_DAY_CONTACT, Stage.LETTER, Stage.MEETING, Stage.SUPPORT_PLAN};
        for (int from = 0; from < roll.size(); from += 100) {
            List<PupilRow> batch = roll.subList(from, Math.min(roll.size(), from + 100));
            int first = from;
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < batch.size(); i++) {
                    PupilRow pupil = batch.get(i);
                    int n = first + i;
                    var caseId = records.openIfAbsent(pupil.id(), pupil.upn(), year, school.getUrn(),
                            school.getLaCode(), stages[n % stages.length]).orElseThrow();
                    var dueDates = new ArrayList<Date>();
                    for (int t = 0; t < TASKS_PER_CASE; t++) {
                        int daysFromNow = (n + t * 3) % 11 - 7;
                        dueDates.add(Date.from(today.plusDays(daysFromNow).atTime(16, 30).atZone(London.ZONE).toInstant()));
                    }
                    Map<String, Object> variables = new HashMap<>();
                    variables.put("caseId", caseId.toString());
                    variables.put("upn", pupil.upn());
                    variables.put("schoolUrn", school.getUrn());
                    variables.put("laCode", school.getLaCode());
                    variables.put("dueDates", dueDates);
                    String instance = runtime.startProcessInstanceByKey("test-open-tasks", pupil.upn() + "-" + year,
                            variables).getId();
                    records.linkProcess(caseId, instance);
                    if (n % 20 == 0) {
                        records.changePriority(caseId, Priority.TOP);
                    } else if (n % 7 == 0) {
                        records.changePriority(caseId, Priority.HIGH);
                    }
                }
            });
            if ((from + batch.size()) % 500 == 0 || from + batch.size() == roll.size()) {
                print("  %,d cases opened", from + batch.size());
            }
        }
    }

    private void claim(StaffUser officer, int count) {
        taskService.createTaskQuery().taskCandidateGroupIn(officer.camundaGroups()).orderByTaskId().asc()
                .listPage(0, count).forEach(task -> taskService.claim(task.getId(), officer.username()));
    }

    private static Object render(MockMvc mvc, StaffUser officer, Map<String, String> params) throws Exception {
        var request = get("/inbox").with(user(officer));
        params.forEach(request::param);
        var response = mvc.perform(request).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new IllegalStateException("GET /inbox " + params + " answered " + response.getStatus());
        }
        return response.getContentAsString().length();
    }

    private static String counts(String html) {
        var found = new ArrayList<String>();
        Matcher m = Pattern.compile("id=\"(count-[a-z]+)\">(\\d+)<").matcher(html);
        while (m.find()) {
            found.add(m.group(1) + "=" + m.group(2));
        }
        return found.toString();
    }

    private static String caption(String html) {
        Matcher m = Pattern.compile("govuk-table__caption[^>]*>([^<]*)<").matcher(html);
        return m.find() ? m.group(1).trim() : "no table";
    }
}
