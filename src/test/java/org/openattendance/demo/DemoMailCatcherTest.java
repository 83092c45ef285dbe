package org.openattendance.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.openattendance.demo.mail.DemoMailCatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo profile's mail catcher: e-mails sent over SMTP to it are listed for an administrator, each with its text,
 * its links (a parent's confirmation link) and its attachments (the letter's PDF). Same context as DemoDataTest.
 */
@SpringBootTest(properties = {"openattendance.demo.enabled=true", "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true", "openattendance.demo.mail.port=0"})
@ActiveProfiles({"test", "demo"})
@AutoConfigureMockMvc
class DemoMailCatcherTest {

    @Autowired
    DemoMailCatcher catcher;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void anAdministratorReadsTheEmailsSentOverSmtpWithTheirLinksAndAttachments() throws Exception {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(catcher.port());
        sender.setJavaMailProperties(new Properties());
        var confirm = sender.createMimeMessage();
        var plain = new MimeMessageHelper(confirm, false, "UTF-8");
        plain.setFrom("attendance@northshire.example");
        plain.setTo("sam.parent@example.org");
        plain.setSubject("Confirm your request for leave of absence");
        plain.setText("Dear Sam Parent,\n\nConfirm the request: http://localhost:8080/leave-request/confirm/abc123.\n");
        sender.send(confirm);
        var letter = sender.createMimeMessage();
        var withPdf = new MimeMessageHelper(letter, true, "UTF-8");
        withPdf.setFrom("attendance@northshire.example");
        withPdf.setTo("pat.parent@example.org");
        withPdf.setSubject("Your child's attendance");
        withPdf.setText("Dear Pat Parent,\n\nYour child was absent.", "<p>Dear Pat Parent,</p><p>Your child was absent.</p>");
        withPdf.addAttachment("letter-2027-01-07.pdf", new ByteArrayResource("%PDF-1.7 letter".getBytes()), "application/pdf");
        sender.send(letter);
        var admin = users.loadUserByUsername("admin");

        mvc.perform(get("/admin/demo-mail").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Confirm your request for leave of absence")))
                .andExpect(content().string(containsString("Your child&#39;s attendance")))
                .andExpect(content().string(containsString("letter-2027-01-07.pdf")));
        int count = countOf(mvc.perform(get("/admin/demo-mail").with(user(admin))).andReturn().getResponse()
                .getContentAsString());
        mvc.perform(get("/admin/demo-mail/" + (count - 1)).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("sam.parent@example.org")))
                .andExpect(content().string(containsString("href=\"http://localhost:8080/leave-request/confirm/abc123\"")));
        mvc.perform(get("/admin/demo-mail/" + count).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Your child was absent.")))
                .andExpect(content().string(not(containsString("&lt;p&gt;"))));
        var pdf = mvc.perform(get("/admin/demo-mail/" + count + "/attachments/1").with(user(admin)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf")).andReturn();
        assertThat(pdf.getResponse().getContentAsString()).isEqualTo("%PDF-1.7 letter");
        mvc.perform(get("/admin/demo-mail/" + (count + 1)).with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/admin").with(user(admin))).andExpect(content().string(containsString("href=\"/admin/demo-mail\"")));
    }

    @Test
    void onlyAnAdministratorSeesThem() throws Exception {
        mvc.perform(get("/admin/demo-mail").with(user(users.loadUserByUsername("officer.millbrook"))))
                .andExpect(status().isForbidden());
    }

    /** The demo itself may have sent e-mails already: the number of the newest is the count in the caption. */
    private static int countOf(String page) {
        var matcher = java.util.regex.Pattern.compile("(\\d+) e-mails?</caption>").matcher(page);
        assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
