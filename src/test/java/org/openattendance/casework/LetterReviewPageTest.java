package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseProcessSupport.TestCase;
import org.openattendance.security.Role;

/**
 * "Review the letter to the parents" shows the letter that will go, rendered for the pupil, and offers the contact
 * details the school gave for its last letter instead of asking for them again.
 */
@IntegrationTest
class LetterReviewPageTest extends CaseTaskPageTest {

    @Test
    void theReviewShowsTheLetterAndTheSecondLetterOffersTheContactGivenForTheFirst() throws Exception {
        var school = fixtures.school(fixtures.newLaCode());
        var officer = signedIn.newUser(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        TestCase first = cases.openCase(school, null, Set.of());
        cases.send(first, "BelowAttendanceThreshold", "attendancePercent", "91.2");
        String firstTask = cases.one(first, "review-letter").getId();

        Document page = Jsoup.parse(mvc.perform(get("/tasks/{id}", firstTask).with(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#letter-preview h2").text()).isEqualTo("The letter that will go");
        assertThat(page.select("#letter-body").text())
                .contains("91.2%")
                .contains("[Who the parents should contact]")
                .contains("[Their telephone number]");
        assertThat(page.select("#letter-preview").text()).contains("To Sam Parent (by e-mail)");
        assertThat(page.select("#letter-body script")).isEmpty();
        assertThat(page.getElementById("field-contactName").val()).isEmpty();
        assertThat(page.getElementById("offered-again")).isNull();

        mvc.perform(post("/tasks/{id}", firstTask).param("letterDecision", "SEND").param("contactName", "Ms Patel")
                        .param("contactPhone", "0161 496 0000").with(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());

        TestCase second = cases.openCase(school, null, Set.of());
        cases.send(second, "BelowAttendanceThreshold", "attendancePercent", "88.0");
        Document next = Jsoup.parse(mvc.perform(get("/tasks/{id}", cases.one(second, "review-letter").getId())
                        .with(officer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(next.getElementById("field-contactName").val()).isEqualTo("Ms Patel");
        assertThat(next.getElementById("field-contactPhone").val()).isEqualTo("0161 496 0000");
        assertThat(next.getElementById("offered-again")).isNotNull();
        assertThat(next.select("#letter-body").text()).contains("88.0%").contains("Ms Patel on 0161 496 0000");

        // Another school's next letter offers nothing of this school's.
        var other = fixtures.school(fixtures.newLaCode());
        var otherOfficer = signedIn.newUser(Role.ATTENDANCE_OFFICER, Set.of(other.urn()), null);
        TestCase elsewhere = cases.openCase(other, null, Set.of());
        cases.send(elsewhere, "BelowAttendanceThreshold", "attendancePercent", "90.0");
        Document theirs = Jsoup.parse(mvc.perform(get("/tasks/{id}", cases.one(elsewhere, "review-letter").getId())
                        .with(otherOfficer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(theirs.getElementById("field-contactName").val()).isEmpty();
    }
}
