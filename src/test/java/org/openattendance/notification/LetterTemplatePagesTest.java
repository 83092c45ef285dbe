package org.openattendance.notification;

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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.school.School;
import org.openattendance.security.StaffUser;
import org.openattendance.support.TestSchools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class LetterTemplatePagesTest {

    private static final String KEY = "meeting-invitation";

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestSchools schools;
    @Autowired
    LetterTemplates templates;

    MockMvc mvc;
    String la;
    String otherLa;
    School school;
    StaffUser laOfficer;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        la = TestSchools.someLaCode();
        otherLa = la.equals("998") ? "997" : "998";
        school = schools.school("Letters Page Primary", la);
        schools.school("Other Letters Primary", otherLa);
        laOfficer = TestSchools.laOfficer("letters-la-" + la, la);
    }

    @Test
    void anLaOfficerPreviewsSavesAndRevertsTheirLasVersion() throws Exception {
        mvc.perform(get("/admin/letters").with(user(laOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Letter templates</h1>")))
                .andExpect(content().string(containsString("Local authority " + la + "&#39;s version")))
                .andExpect(content().string(containsString("id=\"letter-" + KEY + "\"")))
                .andExpect(content().string(containsString("Uses the national version")))
                .andExpect(content().string(not(containsString("id=\"la-chooser\""))));
        mvc.perform(get("/admin/letters/{key}", KEY).with(user(laOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Invitation to an attendance meeting</h1>")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(not(containsString("id=\"revert-form\""))));

        String subject = "Meeting about [[${pupil.forename}]]";
        String body = "<p>Dear [[${parent.name}]],</p><p>Please come on [[${fields.meetingDate}]].</p><script>alert(1)</script>";
        mvc.perform(post("/admin/letters/{key}", KEY).param("la", la).param("subject", subject).param("body", body)
                        .param("action", "preview").with(user(laOfficer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"preview\"")))
                .andExpect(content().string(containsString("<p class=\"govuk-heading-s\" id=\"preview-subject\">Meeting about Alex</p>")))
                .andExpect(content().string(containsString("<p>Dear Sam Example,</p>")))
                .andExpect(content().string(containsString("[meetingDate]")))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
        assertThat(templates.stored(KEY, la)).isEmpty();

        mvc.perform(post("/admin/letters/{key}", KEY).param("la", la).param("subject", subject).param("body", body)
                        .param("action", "save").with(user(laOfficer)).with(csrf()))
                .andExpect(redirectedUrl("/admin/letters?la=" + la));
        assertThat(templates.stored(KEY, la)).get().extracting(LetterTemplate::subject, LetterTemplate::updatedBy)
                .containsExactly(subject, laOfficer.username());
        assertThat(templates.stored(KEY, otherLa)).isEmpty();
        mvc.perform(get("/admin/letters").with(user(laOfficer)))
                .andExpect(content().string(containsString("Own version, changed on")));
        mvc.perform(get("/admin/letters/{key}", KEY).with(user(laOfficer)))
                .andExpect(content().string(containsString("value=\"Meeting about [[${pupil.forename}]]\"")))
                .andExpect(content().string(containsString("id=\"revert-form\"")));

        mvc.perform(post("/admin/letters/{key}/revert", KEY).param("la", la).with(user(laOfficer)).with(csrf()))
                .andExpect(redirectedUrl("/admin/letters?la=" + la));
        assertThat(templates.stored(KEY, la)).isEmpty();
        assertThat(templates.effective(KEY, la).laCode()).isNull();
    }

    @Test
    void aTemplateThatCannotBeRenderedIsRejectedWithAClearMessageAndNotStored() throws Exception {
        mvc.perform(post("/admin/letters/{key}", KEY).param("la", la).param("subject", "Hello")
                        .param("body", "<p th:text=\"${T(java.lang.Runtime).getRuntime()}\">x</p>")
                        .param("action", "save").with(user(laOfficer)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("<a href=\"#body\">The letter cannot be used: Template meeting-invitation: expression")))
                .andExpect(content().string(containsString("govuk-textarea--error")));
        mvc.perform(post("/admin/letters/{key}", KEY).param("la", la).param("subject", " ").param("body", "<p>Hi</p>")
                        .param("action", "save").with(user(laOfficer)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#subject\">Enter a subject</a>")));
        assertThat(templates.stored(KEY, la)).isEmpty();
    }

    @Test
    void anExpressionThatWouldNotResolveOrParseIsShownBeforeSavingAndNothingIsStored() throws Exception {
        // The preview fills every field with sample text; a misspelt field would fail only when the letter is sent.
        mvc.perform(post("/admin/letters/{key}", KEY).param("la", la).param("subject", "Meeting")
                        .param("body", "<p>Please come on [[${fields.meetingDat}]].</p>")
                        .param("action", "preview").with(user(laOfficer)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("does not resolve: this letter has no field &#39;meetingDat&#39;")))
                .andExpect(content().string(containsString("meetingDate")));
        mvc.perform(post("/admin/letters/{key}", KEY).param("la", la).param("subject", "Meeting about [[${pupl}]]")
                        .param("body", "<p>Dear [[${parent.name}]]</p>")
                        .param("action", "save").with(user(laOfficer)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#subject\">")))
                .andExpect(content().string(containsString("a letter has no value &#39;pupl&#39;")));
        mvc.perform(post("/admin/letters/{key}", KEY).param("la", la).param("subject", "Meeting")
                        .param("body", "<p>Dear [[${parent.name]]</p>")
                        .param("action", "save").with(user(laOfficer)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#body\">")));
        assertThat(templates.stored(KEY, la)).isEmpty();

        // Every field the shipped letter uses, and names the template declares itself, are fine.
        mvc.perform(post("/admin/letters/{key}", KEY).param("la", la).param("subject", "Meeting on [[${fields.meetingDate}]]")
                        .param("body", "<p th:each=\"a : ${addressees}\" th:text=\"${a.name}\">x</p><p>[[${fields.meetingPlace}]] at [[${fields.meetingTime}]]</p>")
                        .param("action", "save").with(user(laOfficer)).with(csrf()))
                .andExpect(redirectedUrl("/admin/letters?la=" + la));
        assertThat(templates.stored(KEY, la)).isPresent();
    }

    @Test
    void onlyAdministratorsAndTheLasOwnOfficersMayEdit() throws Exception {
        mvc.perform(get("/admin/letters").param("la", otherLa).with(user(laOfficer))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/letters/{key}", KEY).param("la", otherLa).param("subject", "S").param("body", "<p>B</p>")
                        .param("action", "save").with(user(laOfficer)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(templates.stored(KEY, otherLa)).isEmpty();
        mvc.perform(get("/admin/letters").with(user(TestSchools.officer("letters-officer", school))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/letters/{key}", KEY).param("la", la).param("subject", "S").param("body", "<p>B</p>")
                        .param("action", "save").with(user(laOfficer)))
                .andExpect(status().isForbidden());
        assertThat(templates.stored(KEY, la)).isEmpty();
        mvc.perform(get("/admin/letters/{key}", "no-such-letter").with(user(laOfficer))).andExpect(status().isNotFound());

        mvc.perform(get("/admin/letters").param("la", otherLa).with(user(TestSchools.admin("letters-admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"la-chooser\"")))
                .andExpect(content().string(containsString("Local authority " + otherLa + "&#39;s version")));
        mvc.perform(get("/admin/letters").with(user(TestSchools.admin("letters-admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("National versions")));
    }
}
