package org.openattendance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;

/** A manager opens any task of their teams and gives it to another member of the team; nobody else can. */
@IntegrationTest
class TeamTasksTest extends DashboardScenarioTest {

    @Autowired
    TaskService tasks;

    @Test
    void theSchoolsManagerOpensTheTeamsTaskAndGivesItToAnOfficerThenBackToTheTeam() throws Exception {
        mvc.perform(get("/dashboard/tasks/" + s.contactTask).with(as(s.managerA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Contact the parents today")))
                .andExpect(content().string(containsString(s.a7)))
                .andExpect(content().string(containsString("value=\"" + s.officerA + "\"")))
                .andExpect(content().string(containsString("value=\"" + s.secondOfficerA + "\"")))
                .andExpect(content().string(containsString("Nobody: the task waits on its team list")));

        mvc.perform(post("/dashboard/tasks/" + s.contactTask + "/assignee").param("assignee", s.secondOfficerA)
                .with(as(s.managerA)).with(csrf())).andExpect(redirectedUrl("/dashboard/tasks/" + s.contactTask));

        assertThat(tasks.createTaskQuery().taskId(s.contactTask).singleResult().getAssignee()).isEqualTo(s.secondOfficerA);
        // The timeline names the person (Fixtures names users "Test <role>"), not the username they sign in with.
        assertThat(timeline()).anySatisfy(line -> assertThat(line).contains("Reassigned: Contact the parents today")
                .contains("to Test ATTENDANCE_OFFICER").doesNotContain(s.secondOfficerA));
        // The new assignee finds it in their own inbox.
        mvc.perform(get("/inbox").with(as(s.secondOfficerA))).andExpect(content().string(
                containsString("/tasks/" + s.contactTask)));

        mvc.perform(post("/dashboard/tasks/" + s.contactTask + "/assignee").param("assignee", "")
                .with(as(s.managerA)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(tasks.createTaskQuery().taskId(s.contactTask).singleResult().getAssignee()).isNull();
        assertThat(timeline()).anySatisfy(line -> assertThat(line).contains("back to the team's list"));
    }

    @Test
    void aTaskCannotGoToSomeoneOutsideTheTeam() throws Exception {
        mvc.perform(post("/dashboard/tasks/" + s.contactTask + "/assignee").param("assignee", s.laOfficer)
                .with(as(s.managerA)).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/dashboard/tasks/" + s.contactTask + "/assignee").param("assignee", "nobody-at-all")
                .with(as(s.managerA)).with(csrf())).andExpect(status().isBadRequest());
        assertThat(tasks.createTaskQuery().taskId(s.contactTask).singleResult().getAssignee()).isNotEqualTo(s.laOfficer);
    }

    @Test
    void onlyTheManagersOfTheTeamOpenOrMoveItsTasks() throws Exception {
        for (String outsider : new String[] {s.managerB, s.officerA, s.headA, s.laOfficer, s.socialWorker}) {
            mvc.perform(get("/dashboard/tasks/" + s.contactTask).with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(post("/dashboard/tasks/" + s.contactTask + "/assignee").param("assignee", s.officerA)
                    .with(as(outsider)).with(csrf())).andExpect(status().isNotFound());
        }
        // The LA's manager manages the LA's teams, not the school's: the school's contact task is not theirs.
        mvc.perform(get("/dashboard/tasks/" + s.contactTask).with(as(s.laManager))).andExpect(status().isNotFound());
    }

    @Test
    void theTasksListShowsTheTeamsOpenTasksOldestFirstWithLinksForTheManager() throws Exception {
        mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/casework/tasks").with(as(s.managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/dashboard/tasks/" + s.contactTask)))
                // Each task names its pupil, with the UPN beside the name.
                .andExpect(content().string(containsString("Eve Missing")))
                .andExpect(content().string(containsString("UPN " + s.a7)));
        mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/casework").with(as(s.managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Eve Missing")));
        String forTheHead = mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/casework/tasks")
                .with(as(s.headA))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(forTheHead).contains("Contact the parents today").doesNotContain("/dashboard/tasks/" + s.contactTask);
        mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/casework/tasks?team=school-999999-attendance")
                .with(as(s.managerA))).andExpect(status().isBadRequest());
    }

    @Test
    void aLeaveRequestsTaskNamesItsPupilSchoolAndWhatItIsPartOf() throws Exception {
        LocalDate day = Fixtures.today().plusWeeks(2).with(java.time.DayOfWeek.TUESDAY);
        var made = http.withBasicAuth(s.officerA, Fixtures.PASSWORD).postForEntity("/api/leave-requests",
                new HttpEntity<>(Map.of("upn", s.a1, "from", Map.of("date", day.toString(), "session", "AM"),
                        "to", Map.of("date", day.toString(), "session", "PM"), "reason", "FUNERAL",
                        "details", "Paper form handed in at the office", "parentsTravelling", java.util.List.of("Ann"))),
                Map.class);
        assertThat(made.getStatusCode().is2xxSuccessful()).as("the leave request was made: %s", made.getBody()).isTrue();
        String schoolName = jdbc.queryForObject("select name from school where urn = ?", String.class, s.schoolA.urn());
        String leaveTask = tasks.createTaskQuery().processDefinitionKey("leave-request")
                .processVariableValueEquals("upn", s.a1).singleResult().getId();

        String list = mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/casework/tasks").with(as(s.managerA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String row = list.substring(list.indexOf("/dashboard/tasks/" + leaveTask));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("Ava Present").contains("UPN " + s.a1).contains(schoolName)
                .contains("Leave of absence request");
        // A case's task names the case's stage in the same column.
        String caseRow = list.substring(list.indexOf("/dashboard/tasks/" + s.contactTask));
        String stage = StageLabels.of(org.openattendance.casework.Stage.valueOf(jdbc.queryForObject(
                "select stage from attendance_case where upn = ?", String.class, s.a7)));
        assertThat(caseRow.substring(0, caseRow.indexOf("</tr>"))).contains("Eve Missing").contains(schoolName)
                .contains("<td class=\"govuk-table__cell\">" + stage + "</td>");

        mvc.perform(get("/dashboard/tasks/" + leaveTask).with(as(s.managerA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ava Present (" + s.a1 + ")")))
                .andExpect(content().string(containsString(schoolName)))
                .andExpect(content().string(containsString("Leave of absence request")));
    }

    private java.util.List<String> timeline() {
        return jdbc.queryForList("select e.name || ' ' || coalesce(e.detail, '') from case_event e "
                + "join attendance_case c on c.id = e.case_id where c.upn = ? order by e.at, e.id", String.class, s.a7);
    }
}
