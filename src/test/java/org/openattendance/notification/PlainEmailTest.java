package org.openattendance.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openattendance.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** E-mails that are not letters (a parent's one-time link) go through the outbox and leave no copy behind. */
@IntegrationTest
class PlainEmailTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(LetterMailTest.MAIL_PORT, null, ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @Autowired
    Emails emails;
    @Autowired
    OutboxSender sender;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPlainEmailIsSentToItsOneAddressAndItsTextIsWipedOnceSent() {
        String to = "parent." + UUID.randomUUID() + "@example.org";

        emails.queue(to, "Confirm your request", "Open this link: https://example.org/leave-request/confirm/abc");
        assertThat(jdbc.queryForObject("select body from outbox_message where recipient = ?", String.class, to))
                .contains("/confirm/abc");
        sender.sendDue();

        var received = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(received).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Confirm your request");
            assertThat(GreenMailUtil.getBody(mail)).contains("https://example.org/leave-request/confirm/abc");
        });
        var row = jdbc.queryForMap("select status, body, letter_id from outbox_message where recipient = ?", to);
        assertThat(row.get("status")).isEqualTo("SENT");
        assertThat(row.get("body")).isNull();
        assertThat(row.get("letter_id")).isNull();
    }
}
