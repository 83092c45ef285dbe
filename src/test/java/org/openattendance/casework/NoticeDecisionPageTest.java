package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseProcessSupport.TestCase;
import org.openattendance.security.Role;

/**
 * The LA officer's notice decision shows the school's request and its reasons in words, and the case's timeline
 * shows the school's answers by their questions, with no form JSON and no constant names.
 */
@IntegrationTest
class NoticeDecisionPageTest extends CaseTaskPageTest {

    @Test
    void theLaOfficerSeesTheSchoolsRequestAndItsReasonsAsASummary() throws Exception {
        TestCase c = cases.openCase();
        cases.send(c, "PenaltyThresholdMet");
        var officer = signedIn.newUser(Role.ATTENDANCE_OFFICER, Set.of(c.schoolUrn()), null);
        mvc.perform(post("/tasks/{id}", cases.one(c, "consider-notice").getId()).param("recommendation", "NOTICE_TO_IMPROVE")
                        .param("reasons", "Two meetings and a support plan; attendance still 81 %.")
                        .with(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());

        var laOfficer = signedIn.newUser(Role.LA_OFFICER, Set.of(), c.laCode());
        String page = mvc.perform(get("/tasks/{id}", cases.one(c, "la-decision").getId()).with(laOfficer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h2 class=\"govuk-heading-m\" id=\"request-decided-heading\">The school's request</h2>")))
                .andExpect(content().string(containsString(">Your request to the LA</dt>")))
                .andExpect(content().string(containsString(">Notice to Improve</dd>")))
                .andExpect(content().string(containsString(">Reasons and support given so far</dt>")))
                .andExpect(content().string(containsString("Two meetings and a support plan; attendance still 81 %.")))
                .andReturn().getResponse().getContentAsString();
        // What the page says, the timeline beside it included: answers by their questions, no JSON, no constant or
        // variable names, no step ids.
        String words = Jsoup.parse(page).text();
        assertThat(words).doesNotContain("{\"", "\"recommendation\"", "NOTICE_TO_IMPROVE", "PENALTY_THRESHOLD", " = ",
                "Policy: ", "step " + c.caseId());
        assertThat(Jsoup.parse(page).select("#timeline").text())
                .contains("Completed: Consider a Notice to Improve or a penalty notice")
                .contains("Your request to the LA Notice to Improve");
        assertThat(cases.timeline(c)).anySatisfy(e -> assertThat(e.detail()).contains("\"recommendation\""));
    }
}
