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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.StaffUser;
import org.openattendance.support.Fixtures;
import org.openattendance.support.TestSchools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
@Import(Families.class)
class OutboxPageTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Letters letters;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Families families;
    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;
    Families.Family family;
    long failedId;
    long retryingId;
    StaffUser admin = TestSchools.admin("outbox-admin");

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        var school = fixtures.school(fixtures.newLaCode());
        family = families.family(school);
        UUID letter = letters.issue(new LetterRequest("step-" + UUID.randomUUID(), "below-95-percent", null,
                family.pupilId(), Families.below95Fields())).id();
        failedId = outboxId(letter, family.mumEmail());
        retryingId = outboxId(letter, family.dadEmail());
        jdbc.update("update outbox_message set status = 'FAILED', attempts = 10, last_error = ? where id = ?",
                "MailConnectException: <b>Couldn't connect</b>", failedId);
        jdbc.update("update outbox_message set attempts = 2, last_error = 'SMTP 451 try later' where id = ?", retryingId);
    }

    @Test
    void showsTheCountsAndTheFailedAndRetryingMessagesWithTheirErrors() throws Exception {
        mvc.perform(get("/admin/outbox").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Mail outbox</h1>")))
                .andExpect(content().string(containsString("id=\"count-queued\"")))
                .andExpect(content().string(containsString("id=\"count-sent\"")))
                .andExpect(content().string(containsString("id=\"count-failed\"")))
                .andExpect(content().string(containsString("id=\"message-" + failedId + "\"")))
                .andExpect(content().string(containsString(family.mumEmail())))
                .andExpect(content().string(containsString("MailConnectException: &lt;b&gt;Couldn&#39;t connect&lt;/b&gt;")))
                .andExpect(content().string(containsString("/admin/outbox/" + failedId + "/retry")))
                .andExpect(content().string(containsString("id=\"message-" + retryingId + "\"")))
                .andExpect(content().string(containsString("SMTP 451 try later")))
                .andExpect(content().string(not(containsString("/admin/outbox/" + retryingId + "/retry"))));
    }

    @Test
    void sendAgainPutsAFailedMessageBackInTheQueue() throws Exception {
        mvc.perform(post("/admin/outbox/{id}/retry", failedId).with(user(admin)))
                .andExpect(status().isForbidden());
        assertThat(statusOf(failedId)).isEqualTo("FAILED");

        mvc.perform(post("/admin/outbox/{id}/retry", failedId).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/outbox"))
                .andExpect(flash().attribute("success", "E-mail " + failedId + " is queued to be sent again"));
        assertThat(statusOf(failedId)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select attempts from outbox_message where id = ?", Integer.class, failedId)).isZero();

        mvc.perform(post("/admin/outbox/{id}/retry", retryingId).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/outbox"))
                .andExpect(flash().attributeExists("refused"));
        mvc.perform(post("/admin/outbox/{id}/retry", Long.MAX_VALUE).with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void isForAdministratorsOnly() throws Exception {
        var laOfficer = TestSchools.laOfficer("outbox-la", "123");
        mvc.perform(get("/admin/outbox").with(user(laOfficer))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/outbox/{id}/retry", failedId).with(user(laOfficer)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(statusOf(failedId)).isEqualTo("FAILED");
    }

    private long outboxId(UUID letter, String recipient) {
        return jdbc.queryForObject("select id from outbox_message where letter_id = ? and recipient = ?", Long.class,
                letter, recipient);
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("select status from outbox_message where id = ?", String.class, id);
    }
}
