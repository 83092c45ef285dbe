package org.openattendance.staffweb.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseWork;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.openattendance.staffweb.shell.Labels;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The inbox and task pages, from a register load that opens a case with a first-day contact task. */
@IntegrationTest
class InboxPagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CaseWork work;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService engine;

    MockMvc mvc;
    Fixtures.TestSchool school;
    StaffUser officer;
    StaffUser otherOfficer;
    String upn;
    String taskId;

    @BeforeEach
    void setUp() throws Exception {
        var started = java.time.Instant.now().minusSeconds(1);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String la = fixtures.newLaCode();
        school = fixtures.school(la);
        var other = fixtures.school(la);
        officer = staff("inbox.officer." + school.urn(), school.urn());
        otherOfficer = staff("inbox.other." + other.urn(), other.urn());
        upn = fixtures.pupils(school, 1).get(0);

        String day = Fixtures.weekdaysAgo(1).toString();
        var marks = List.of(Map.of("upn", upn, "date", day, "session", "AM", "code", "N"),
                Map.of("upn", upn, "date", day, "session", "PM", "code", "N"));
        mvc.perform(post("/api/schools/{urn}/marks", school.urn()).with(user(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(new ObjectMapper().writeValueAsString(marks)))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(30)).until(() -> contactTask() != null);
        taskId = contactTask().id();
        // The load's signals may still be moving the case (a second signal, async continuations): let it settle.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null and publication_date >= ?",
                Integer.class, java.sql.Timestamp.from(started)) == 0
                && engine.createJobQuery().processInstanceId(contactTask().kase().processInstanceId()).executable().count() == 0);
    }

    @Test
    void theInboxListsTheTaskForTheSchoolsOfficerWithTheCountsAndNotForAnotherSchool() throws Exception {
        mvc.perform(get("/inbox").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Your tasks</h1>")))
                .andExpect(content().string(containsString("href=\"/tasks/" + taskId + "\">Contact the parents today</a>")))
                .andExpect(content().string(containsString("Alex Pupil" + upn.substring(9))))
                .andExpect(content().string(containsString(upn)))
                .andExpect(content().string(containsString("Test School " + school.urn())))
                .andExpect(content().string(containsString(">" + Labels.stage(contactTask().kase().stage()) + "<")))
                .andExpect(content().string(allOf(containsString("Assigned to me"), containsString("My team"),
                        containsString("Overdue"), containsString("Due today"))))
                .andExpect(content().string(containsString("id=\"count-mine\">0<")))
                .andExpect(content().string(containsString("id=\"count-team\">" + work.workable(officer).stream()
                        .filter(t -> t.assignee() == null).count() + "<")))
                .andExpect(content().string(containsString("action=\"/tasks/" + taskId + "/claim\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("href=\"/inbox\"")));
        mvc.perform(get("/inbox").with(user(otherOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(taskId))))
                .andExpect(content().string(not(containsString(upn))));
    }

    @Test
    void filtersAndSortsWithAGetForm() throws Exception {
        mvc.perform(get("/inbox").param("school", school.urn()).param("stage", contactTask().kase().stage().name())
                        .param("type", "contact-parents").param("sort", "priority").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/tasks/" + taskId)))
                .andExpect(content().string(containsString("Clear filters")));
        mvc.perform(get("/inbox").param("type", "no-such-task").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/tasks/" + taskId + "\""))))
                .andExpect(content().string(containsString("No tasks match the filters.")));
    }

    @Test
    void claimingSetsTheAssigneeAndUnclaimingGivesItBack() throws Exception {
        mvc.perform(post("/tasks/{id}/claim", taskId).with(user(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/inbox"));
        assertThat(work.task(officer, taskId).assignee()).isEqualTo(officer.username());
        mvc.perform(get("/inbox").with(user(officer)))
                .andExpect(content().string(containsString("id=\"count-mine\">1<")))
                .andExpect(content().string(containsString("action=\"/tasks/" + taskId + "/unclaim\"")));

        mvc.perform(post("/tasks/{id}/unclaim", taskId).with(user(officer)).with(csrf()))
                .andExpect(redirectedUrl("/inbox"));
        assertThat(work.task(officer, taskId).assignee()).isNull();
    }

    @Test
    void claimingNeedsTheCsrfTokenAndAnotherSchoolsOfficerCannotClaim() throws Exception {
        mvc.perform(post("/tasks/{id}/claim", taskId).with(user(officer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/{id}/claim", taskId).with(user(otherOfficer)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(work.task(officer, taskId).assignee()).isNull();
    }

    @Test
    void theTaskPageShowsThePupilTheCaseAndTheFormsFields() throws Exception {
        mvc.perform(get("/tasks/{id}", taskId).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Contact the parents today</h1>")))
                .andExpect(content().string(containsString("Alex Pupil" + upn.substring(9))))
                .andExpect(content().string(containsString("Year 4")))
                .andExpect(content().string(containsString("Sam Parent")))
                .andExpect(content().string(containsString("07700 900000")))
                .andExpect(content().string(containsString("Record the outcome of today&#39;s contact")))
                .andExpect(content().string(containsString("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Did you reach a parent or carer?</legend>")))
                .andExpect(content().string(containsString("type=\"radio\" value=\"REASON_GIVEN\"")))
                .andExpect(content().string(containsString("for=\"field-code\">Code the reason supports (optional)</label>")))
                .andExpect(content().string(containsString("<option value=\"I\">I - Illness</option>")))
                .andExpect(content().string(containsString("for=\"field-safeguardingConcern\">I have a safeguarding concern")))
                .andExpect(content().string(containsString("for=\"field-notes\">Who you spoke to and what they said</label>")))
                .andExpect(content().string(containsString("<textarea class=\"govuk-textarea\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("id=\"timeline\"")));
    }

    @Test
    void theFirstDayContactFormNamesTheDayAndTheSessionsOfTheAbsenceTheBritishWay() throws Exception {
        String day = org.openattendance.shared.BritishDates.WEEKDAY.format(Fixtures.weekdaysAgo(1));
        mvc.perform(get("/tasks/{id}", taskId).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<p class=\"govuk-body\">Absent without a reason (N) on <strong>"
                        + day + "</strong>, the morning and afternoon sessions.</p>")))
                .andExpect(content().string(not(containsString(Fixtures.weekdaysAgo(1).toString()))));

        // A morning N alone: the form names the morning session only.
        String morningOnly = fixtures.pupils(school, 1).get(0);
        var marks = List.of(Map.of("upn", morningOnly, "date", Fixtures.weekdaysAgo(1).toString(), "session", "AM", "code", "N"));
        mvc.perform(post("/api/schools/{urn}/marks", school.urn()).with(user(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(new ObjectMapper().writeValueAsString(marks)))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(30)).until(() -> work.workableFor(officer, morningOnly).stream()
                .anyMatch(t -> "contact-parents".equals(t.taskKey())));
        String morningTask = work.workableFor(officer, morningOnly).stream()
                .filter(t -> "contact-parents".equals(t.taskKey())).findFirst().orElseThrow().id();
        mvc.perform(get("/tasks/{id}", morningTask).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Absent without a reason (N) on <strong>" + day
                        + "</strong>, the morning session.</p>")));
    }

    @Test
    void postingWithoutARequiredFieldShowsTheErrorSummaryKeepsTheValuesAndCompletesNothing() throws Exception {
        mvc.perform(post("/tasks/{id}", taskId).param("outcome", "REASON_GIVEN").param("code", "I")
                        .with(user(officer)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<title>Error: Contact the parents today")))
                .andExpect(content().string(containsString("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>")))
                .andExpect(content().string(containsString("<a href=\"#field-notes\">Enter an answer for: Who you spoke to and what they said</a>")))
                .andExpect(content().string(containsString("id=\"field-notes-error\"")))
                .andExpect(content().string(containsString("govuk-textarea--error")))
                .andExpect(content().string(containsString("value=\"REASON_GIVEN\" checked")))
                .andExpect(content().string(containsString("<option value=\"I\" selected=\"selected\">")));
        assertThat(work.task(officer, taskId)).isNotNull();
    }

    @Test
    void escapesWhatWasEntered() throws Exception {
        mvc.perform(post("/tasks/{id}", taskId).param("outcome", "MAYBE").param("notes", "<script>alert(1)</script>")
                        .with(user(officer)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
                .andExpect(content().string(containsString("href=\"#field-outcome-0\"")));
    }

    @Test
    void postingValidValuesCompletesTheTaskAndShowsTheBannerInTheInbox() throws Exception {
        mvc.perform(post("/tasks/{id}", taskId).param("outcome", "REASON_GIVEN").param("code", "I")
                        .param("notes", "Mother: flu").with(user(officer)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/inbox"))
                .andExpect(flash().attributeExists("completed"));
        assertThat(work.workable(officer)).noneMatch(t -> t.id().equals(taskId));

        mvc.perform(get("/inbox").with(user(officer)).flashAttr("completed", "Contact the parents today"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-notification-banner--success")))
                .andExpect(content().string(containsString("<p class=\"govuk-notification-banner__heading\">Task completed</p>")));
        assertThat(work.caseOf(upn).map(work::timeline).orElseThrow())
                .anySatisfy(e -> assertThat(e.name()).isEqualTo("Completed: Contact the parents today"));
    }

    @Test
    void anotherSchoolsTaskPageIsNotFound() throws Exception {
        mvc.perform(get("/tasks/{id}", taskId).with(user(otherOfficer)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(upn))));
        mvc.perform(post("/tasks/{id}", taskId).param("outcome", "NO_CONTACT").param("notes", "x")
                        .with(user(otherOfficer)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(work.task(officer, taskId)).isNotNull();
    }

    private CaseWork.WorkItem contactTask() {
        return work.workable(officer).stream()
                .filter(t -> "contact-parents".equals(t.taskKey()) && t.kase() != null && upn.equals(t.kase().upn()))
                .findFirst().orElse(null);
    }

    private static StaffUser staff(String username, String urn) {
        return new StaffUser(username, "unused", "Olive Officer", Set.of(Role.ATTENDANCE_OFFICER), Set.of(urn), null, true);
    }
}
