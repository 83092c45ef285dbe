package org.openattendance.staffweb.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseStore;
import org.openattendance.casework.Priority;
import org.openattendance.casework.Stage;
import org.openattendance.school.School;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.AcademicYear;
import org.openattendance.support.TestSchools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The inbox with more tasks than fit on a page: 62 tasks in reach of one officer over three cases (plus one task
 * claimed by a colleague, which the officer does not see), made by a test-only model
 * (src/test/resources/inbox/open-tasks.bpmn) with the case process's task key and candidate group.
 */
@IntegrationTest
class InboxPagingTest {

    static final Pattern TASK_LINK = Pattern.compile("<a class=\"govuk-link\" href=\"/tasks/([^\"]+)\">");

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestSchools schools;
    @Autowired
    CaseStore records;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    MockMvc mvc;
    School school;
    StaffUser officer;
    LocalDate today;
    /** The cases' process instances: a normal first-day-contact case with 60 tasks, a severe one, a high one. */
    String busy;
    String severe;
    String high;
    List<String> claimedByOfficer;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        if (repository.createProcessDefinitionQuery().processDefinitionKey("test-open-tasks").count() == 0) {
            repository.createDeployment().name("inbox tests").addClasspathResource("inbox/open-tasks.bpmn").deploy();
        }
        school = schools.school("Paging Primary", TestSchools.someLaCode());
        officer = TestSchools.officer("paging.officer." + school.getUrn(), school);
        List<String> upns = schools.pupils(school, 3);
        today = LocalDate.now(clock);

        // 60 tasks on one case: 20 overdue, 10 due today, 30 due later.
        var dues = new ArrayList<Integer>();
        for (int i = 0; i < 60; i++) {
            dues.add(i < 20 ? -1 - i % 5 : i < 30 ? 0 : 1 + i % 7);
        }
        busy = openCase(upns.get(0), Stage.FIRST_DAY_CONTACT, Priority.NORMAL, dues);
        severe = openCase(upns.get(1), Stage.LETTER, Priority.TOP, List.of(20, 0));
        high = openCase(upns.get(2), Stage.MEETING, Priority.HIGH, List.of(21));

        // The officer claims two tasks due later (beyond the first page in due order) and one overdue task;
        // a colleague claims one overdue task, which leaves the officer's reach.
        List<Task> busyTasks = tasks.createTaskQuery().processInstanceId(busy).orderByDueDate().asc().list();
        claimedByOfficer = List.of(busyTasks.get(59).getId(), busyTasks.get(58).getId(), busyTasks.get(0).getId());
        claimedByOfficer.forEach(id -> tasks.claim(id, officer.username()));
        tasks.claim(busyTasks.get(1).getId(), "someone.else");
    }

    @Test
    void countsCoverEveryTaskInReachNotOnlyTheFirstPage() throws Exception {
        // In reach: 63 tasks less the colleague's one = 62; mine 3; team 59; overdue 20 - 1; due today 10 + 1.
        mvc.perform(get("/inbox").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"count-mine\">3<")))
                .andExpect(content().string(containsString("id=\"count-team\">59<")))
                .andExpect(content().string(containsString("id=\"count-overdue\">19<")))
                .andExpect(content().string(containsString("id=\"count-today\">11<")))
                .andExpect(content().string(containsString("62 of 62 tasks, showing 1 to 50")));
        // The counts ignore the filter; the caption follows it.
        mvc.perform(get("/inbox").param("stage", "MEETING").with(user(officer)))
                .andExpect(content().string(containsString("id=\"count-team\">59<")))
                .andExpect(content().string(containsString("1 of 62 tasks")));
    }

    @Test
    void pagesOfFiftyInDueOrderCoverEveryTaskOnce() throws Exception {
        String first = page(Map.of());
        String second = page(Map.of("page", "2"));
        List<String> onFirst = taskIds(first);
        List<String> onSecond = taskIds(second);
        assertThat(onFirst).hasSize(50);
        assertThat(onSecond).hasSize(12);

        List<String> expected = new ArrayList<>();
        for (String instance : List.of(busy, severe, high)) {
            tasks.createTaskQuery().processInstanceId(instance).list().stream()
                    .filter(t -> t.getAssignee() == null || t.getAssignee().equals(officer.username()))
                    .forEach(t -> expected.add(t.getId()));
        }
        var all = new LinkedHashSet<>(onFirst);
        all.addAll(onSecond);
        assertThat(all).hasSize(62).containsExactlyInAnyOrderElementsOf(expected);
        List<Date> dues = new ArrayList<>();
        for (String id : all) {
            dues.add(tasks.createTaskQuery().taskId(id).singleResult().getDueDate());
        }
        assertThat(dues).isSorted();

        assertThat(first).contains("<nav class=\"govuk-pagination\"", "href=\"/inbox?page=2\" rel=\"next\"")
                .doesNotContain("rel=\"prev\"");
        assertThat(second).contains("href=\"/inbox\" rel=\"prev\"", "62 of 62 tasks, showing 51 to 62",
                "aria-current=\"page\">2</a>").doesNotContain("rel=\"next\"");
        // A claimed task on the second page still shows its unclaim button there.
        assertThat(second).contains("action=\"/tasks/" + claimedByOfficer.get(0) + "/unclaim\"");
    }

    @Test
    void pageLinksKeepTheFiltersAndTheSort() throws Exception {
        String html = page(Map.of("type", "contact-parents", "sort", "priority", "school", school.getUrn()));
        assertThat(html).contains("href=\"/inbox?school=" + school.getUrn() + "&amp;type=contact-parents&amp;sort=priority&amp;page=2\"");
        String second = page(Map.of("type", "contact-parents", "sort", "priority", "school", school.getUrn(), "page", "2"));
        assertThat(taskIds(second)).hasSize(12);
    }

    @Test
    void prioritySortPutsTheSevereCaseFirstAcrossEveryTask() throws Exception {
        List<String> byPriority = taskIds(page(Map.of("sort", "priority")));
        List<String> severeTasks = tasks.createTaskQuery().processInstanceId(severe).orderByDueDate().asc().list()
                .stream().map(Task::getId).toList();
        String highTask = tasks.createTaskQuery().processInstanceId(high).singleResult().getId();
        // Both severe tasks (one due in 20 days), then the high case's (due in 21 days), then the rest by due date.
        assertThat(byPriority.subList(0, 3)).containsExactly(severeTasks.get(0), severeTasks.get(1), highTask);
        assertThat(taskIds(page(Map.of()))).doesNotContain(highTask);
    }

    @Test
    void filtersApplyToEveryTaskNotOnlyTheFirstPageAndOfferWhatIsInReach() throws Exception {
        String meeting = page(Map.of("stage", "MEETING"));
        assertThat(taskIds(meeting)).containsExactly(tasks.createTaskQuery().processInstanceId(high).singleResult().getId());
        assertThat(meeting).doesNotContain("govuk-pagination");
        assertThat(page(Map.of())).contains("<option value=\"MEETING\">Meeting</option>",
                "<option value=\"LETTER\">Letter</option>", "<option value=\"FIRST_DAY_CONTACT\">First-day contact</option>",
                "<option value=\"" + school.getUrn() + "\">Paging Primary</option>",
                "<option value=\"contact-parents\">Contact the parents today</option>");
    }

    @Test
    void aPageBeyondTheLastShowsTheLastAndABadPageNumberIsRefused() throws Exception {
        assertThat(taskIds(page(Map.of("page", "7")))).hasSize(12);
        for (String bad : List.of("0", "-1", "two", "99999999999")) {
            mvc.perform(get("/inbox").param("page", bad).with(user(officer)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(not(containsString("id=\"tasks\""))));
        }
    }

    @Test
    void claimingAndUnclaimingReturnToTheSamePageOfTheInboxAndNowhereElse() throws Exception {
        String second = page(Map.of("sort", "priority", "page", "2"));
        assertThat(second).contains("<input type=\"hidden\" name=\"back\" value=\"/inbox?sort=priority&amp;page=2\">");
        String task = taskIds(second).stream().filter(id -> !claimedByOfficer.contains(id)).findFirst().orElseThrow();
        mvc.perform(post("/tasks/{id}/claim", task).param("back", "/inbox?sort=priority&page=2")
                        .with(user(officer)).with(csrf()))
                .andExpect(redirectedUrl("/inbox?sort=priority&page=2"));
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(officer.username());
        for (String elsewhere : List.of("https://example.org/inbox", "//example.org/inbox", "/inbox/../admin", "/tasks")) {
            mvc.perform(post("/tasks/{id}/unclaim", task).param("back", elsewhere).with(user(officer)).with(csrf()))
                    .andExpect(redirectedUrl("/inbox"));
        }
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    }

    private String page(Map<String, String> params) throws Exception {
        var request = get("/inbox").with(user(officer));
        params.forEach(request::param);
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<String> taskIds(String html) {
        var ids = new ArrayList<String>();
        var m = TASK_LINK.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** A case for the pupil with one open task per due day (days from today, due at noon). */
    private String openCase(String upn, Stage stage, Priority priority, List<Integer> dueDays) {
        long pupilId = jdbc.queryForObject("select id from pupil where upn = ?", Long.class, upn);
        String year = AcademicYear.containing(today).toString();
        return new TransactionTemplate(transactions).execute(status -> {
            var caseId = records.openIfAbsent(pupilId, upn, year, school.getUrn(), school.getLaCode(), stage).orElseThrow();
            records.changePriority(caseId, priority);
            var dueDates = dueDays.stream().map(d -> Date.from(today.plusDays(d).atTime(12, 0).atZone(clock.getZone())
                    .toInstant())).toList();
            Map<String, Object> variables = new HashMap<>();
            variables.put("caseId", caseId.toString());
            variables.put("upn", upn);
            variables.put("schoolUrn", school.getUrn());
            variables.put("laCode", school.getLaCode());
            variables.put("dueDates", new ArrayList<>(dueDates));
            String instance = runtime.startProcessInstanceByKey("test-open-tasks", upn + "-" + year, variables).getId();
            records.linkProcess(caseId, instance);
            return instance;
        });
    }
}
