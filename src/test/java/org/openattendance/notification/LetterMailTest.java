package org.openattendance.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
@Import(Families.class)
class LetterMailTest {

    /** The application's test profile sends mail to this port (reserved per build, see pom.xml). */
    static final int MAIL_PORT = Integer.getInteger("greenmail.port", 3025);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(MAIL_PORT, null, ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @Autowired
    Letters letters;
    @Autowired
    OutboxSender sender;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Families families;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    Fixtures.TestSchool school;

    @BeforeEach
    void setUp() {
        school = fixtures.school(fixtures.newLaCode());
    }

    @Test
    void aLetterGoesToEachParentWithParentalResponsibilityAndAnEmailWithItsPdf() throws Exception {
        var family = families.family(school);

        var issued = letters.issue(request(family, "step-" + UUID.randomUUID()));
        sender.sendDue();

        assertThat(issued.newlyIssued()).isTrue();
        assertThat(received(family.emailed())).hasSize(2).allSatisfy(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Alex's attendance at Test School " + school.urn());
            assertThat(html(mail)).contains("Dear Mo Rivers and Dan Rivers and Gail Rivers", "93.4%",
                    "&lt;b&gt;Ms Jones&lt;/b&gt;", "Test School " + school.urn()).doesNotContain("<b>Ms Jones");
            List<Part> pdfs = attachments(mail);
            assertThat(pdfs).singleElement().satisfies(pdf -> {
                assertThat(pdf.getContentType()).startsWith("application/pdf");
                assertThat(pdf.getFileName()).matches("letter-\\d{4}-\\d{2}-\\d{2}\\.pdf");
                assertThat(new String(bytes(pdf), 0, 4)).isEqualTo("%PDF");
            });
        });
        assertThat(received(List.of(family.stepDadEmail()))).isEmpty();
        assertThat(jdbc.queryForList("select parent_name || ':' || channel from letter_recipient where letter_id = ? order by id",
                String.class, issued.id()))
                .containsExactly("Mo Rivers:EMAIL", "Dan Rivers:EMAIL", "Gail Rivers:PRINT");
        assertThat(jdbc.queryForList("select status from outbox_message where letter_id = ?", String.class, issued.id()))
                .containsExactly("SENT", "SENT");
    }

    @Test
    void issuingTheSameStepTwiceSendsTheLetterOnce() throws Exception {
        var family = families.family(school);
        String step = "step-" + UUID.randomUUID();

        var first = letters.issue(request(family, step));
        var second = letters.issue(request(family, step));
        sender.sendDue();
        sender.sendDue();

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.newlyIssued()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from letter where step_key = ?", Integer.class, step)).isOne();
        assertThat(received(family.emailed())).hasSize(2);
    }

    @Test
    void whileTheMailServerIsDownNothingIsLostAndAfterItReturnsEveryLetterArrivesOnce() throws Exception {
        var family = families.family(school);
        greenMail.stop();
        UUID first;
        UUID second;
        try {
            first = letters.issue(request(family, "step-" + UUID.randomUUID())).id();
            second = letters.issue(new LetterRequest("step-" + UUID.randomUUID(), "below-95-percent", null,
                    family.pupilId(), Map.of("attendancePercent", "91.0", "contactName", "Ms Jones", "contactPhone", "1"))).id();
            sender.sendDue();

            assertThat(outboxOf(first, second)).hasSize(4).allSatisfy(row -> {
                assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 1);
                assertThat(row.get("last_error").toString()).containsIgnoringCase("mail");
            });
        } finally {
            greenMail.start();
        }
        sender.sendDue();
        assertThat(received(family.emailed())).as("not due again until the back-off has passed").isEmpty();

        sender.sendDue(Instant.now().plus(Duration.ofMinutes(1)));
        sender.sendDue(Instant.now().plus(Duration.ofHours(1)));

        assertThat(outboxOf(first, second)).extracting(row -> row.get("status")).containsOnly("SENT");
        var mails = received(family.emailed());
        assertThat(mails.stream().map(this::recipientPercentAndPdfs))
                .containsExactlyInAnyOrder(family.mumEmail() + " 93.4% 1", family.mumEmail() + " 91.0% 1",
                        family.dadEmail() + " 93.4% 1", family.dadEmail() + " 91.0% 1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterTooManyAttemptsAMessageFailsAndAnAdministratorCanSeeAndRetryIt() throws Exception {
        var family = families.family(school);
        UUID letter = letters.issue(request(family, "step-" + UUID.randomUUID())).id();
        jdbc.update("update outbox_message set attempts = 9 where letter_id = ? and recipient = ?", letter, family.mumEmail());
        jdbc.update("update outbox_message set status = 'SENT' where letter_id = ? and recipient = ?", letter, family.dadEmail());
        long id = jdbc.queryForObject("select id from outbox_message where letter_id = ? and recipient = ?", Long.class,
                letter, family.mumEmail());
        greenMail.stop();
        try {
            sender.sendDue();
        } finally {
            greenMail.start();
        }
        String admin = fixtures.admin();
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, java.util.Set.of(school.urn()), null);

        var failed = http.withBasicAuth(admin, PASSWORD).getForEntity("/api/admin/outbox?status=FAILED", List.class);
        var forbidden = http.withBasicAuth(officer, PASSWORD).getForEntity("/api/admin/outbox", String.class);
        var forbiddenRetry = http.withBasicAuth(officer, PASSWORD).postForEntity("/api/admin/outbox/" + id + "/retry", null, String.class);

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(failed.getBody()).anySatisfy(entry -> assertThat((Map<String, Object>) entry)
                .containsEntry("id", (int) id).containsEntry("status", "FAILED").containsEntry("attempts", 10)
                .containsEntry("recipient", family.mumEmail()).containsEntry("letterId", letter.toString())
                .hasEntrySatisfying("lastError", error -> assertThat(error).isNotNull()));
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forbiddenRetry.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        var retried = http.withBasicAuth(admin, PASSWORD).postForEntity("/api/admin/outbox/" + id + "/retry", null, Map.class);
        var again = http.withBasicAuth(admin, PASSWORD).postForEntity("/api/admin/outbox/" + id + "/retry", null, String.class);
        sender.sendDue();

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(received(List.of(family.mumEmail()))).hasSize(1);
        assertThat(jdbc.queryForObject("select status from outbox_message where id = ?", String.class, id)).isEqualTo("SENT");
    }

    private LetterRequest request(Families.Family family, String step) {
        return new LetterRequest(step, "below-95-percent", UUID.randomUUID(), family.pupilId(), Families.below95Fields());
    }

    private List<Map<String, Object>> outboxOf(UUID... letterIds) {
        return jdbc.queryForList("select status, attempts, last_error from outbox_message where letter_id = any(?)",
                (Object) letterIds);
    }

    private static List<MimeMessage> received(List<String> recipients) throws MessagingException {
        var found = new ArrayList<MimeMessage>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            var to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
            if (to.stream().anyMatch(recipients::contains)) {
                found.add(message);
            }
        }
        return found;
    }

    private String recipientPercentAndPdfs(MimeMessage message) {
        try {
            String percent = html(message).contains("93.4%") ? "93.4%" : html(message).contains("91.0%") ? "91.0%" : "?";
            return message.getAllRecipients()[0] + " " + percent + " " + attachments(message).size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String html(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = html(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    private static List<Part> attachments(Part part) throws MessagingException, IOException {
        var found = new ArrayList<Part>();
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            found.add(part);
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.addAll(attachments(child));
            }
        }
        return found;
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
