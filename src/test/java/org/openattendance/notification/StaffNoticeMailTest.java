package org.openattendance.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** E-mails to staff about their tasks go through the same outbox as letters, once per notice and address. */
@IntegrationTest
class StaffNoticeMailTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(LetterMailTest.MAIL_PORT, null, ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @Autowired
    StaffNoticeMail notices;
    @Autowired
    OutboxSender sender;
    @Autowired
    Fixtures fixtures;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private void queued(String address) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox_message where recipient = ?", Integer.class, address) > 0);
    }

    @Test
    void aNoticeReachesTheUsersAddressAsPlainTextWithTheTaskLinkOnceHoweverOftenItIsDelivered() throws Exception {
        String worker = fixtures.userWithEmail(Role.SOCIAL_WORKER, Set.of(), null);
        var notice = new StaffNoticeRequested(UUID.randomUUID() + ":task", worker, null,
                "Unexplained absence of a pupil you work with", "A pupil you are the social worker for was absent.",
                "/tasks/abc-123");

        notices.on(notice);   // asynchronous, like every module listener
        queued(worker + "@test.example");
        notices.on(notice);
        Thread.sleep(500);
        sender.sendDue();
        sender.sendDue();

        var mails = to(worker + "@test.example");
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Unexplained absence of a pupil you work with");
            assertThat(mail.getContent().toString()).contains("A pupil you are the social worker for was absent.",
                    "/tasks/abc-123");
        });
    }

    @Test
    void aVirtualSchoolNoticeGoesToEveryVirtualSchoolHeadOfTheLaWithAnAddress() throws Exception {
        String la = fixtures.school(fixtures.newLaCode()).laCode();
        String head = fixtures.userWithEmail(Role.VIRTUAL_SCHOOL_HEAD, Set.of(), la);
        String officer = fixtures.userWithEmail(Role.LA_OFFICER, Set.of(), la);

        notices.on(new StaffNoticeRequested(UUID.randomUUID() + ":task", null, la, "Unexplained absence of a looked-after pupil",
                "A looked-after pupil was absent.", "/tasks/def-456"));
        queued(head + "@test.example");
        sender.sendDue();

        assertThat(to(head + "@test.example")).hasSize(1);
        assertThat(to(officer + "@test.example")).isEmpty();
    }

    private static java.util.List<MimeMessage> to(String address) throws jakarta.mail.MessagingException {
        var found = new java.util.ArrayList<MimeMessage>();
        for (MimeMessage mail : greenMail.getReceivedMessages()) {
            for (var recipient : mail.getAllRecipients()) {
                if (recipient.toString().equals(address)) {
                    found.add(mail);
                }
            }
        }
        return found;
    }
}
