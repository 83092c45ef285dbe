package org.openattendance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

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
        assertThat(timeline()).anySatisfy(line -> assertThat(line).contains("Reassigned: Contact the parents today")
                .contains("to " + s.secondOfficerA));
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

    private java.util.List<String> timeline() {
        return jdbc.queryForList("select e.name || ' ' || coalesce(e.detail, '') from case_event e "
                + "join attendance_case c on c.id = e.case_id where c.upn = ? order by e.at, e.id", String.class, s.a7);
    }
}
