package org.openattendance.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.mail.MessagingException;
import org.jsoup.Jsoup;
import org.openattendance.shared.London;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's due e-mails, each with its letter as a PDF. A message is SENT only once the mail server has
 * accepted it; a failure is kept with the error and tried again later, each wait longer than the last.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final Letters letters;
    private final JavaMailSender mail;
    private final NotificationSettings settings;
    private final Clock clock;

    OutboxSender(Outbox outbox, Letters letters, JavaMailSender mail, NotificationSettings settings, Clock clock) {
        this.outbox = outbox;
        this.letters = letters;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many e-mails the mail server accepted */
    int sendDue() {
        return sendDue(clock.instant());
    }

    int sendDue(Instant now) {
        int sent = 0;
        for (Outbox.Claimed message : outbox.claimDue(now, settings.sender().batchSize(), settings.sender().lease())) {
            try {
                send(message);
                outbox.markSent(message.id(), clock.instant());
                sent++;
            } catch (MessagingException | RuntimeException e) {
                failed(message, e, now);
            }
        }
        return sent;
    }

    private void send(Outbox.Claimed message) throws MessagingException {
        if (message.letterId() == null) {
            sendNotice(message);
            return;
        }
        var letter = letters.find(message.letterId()).orElseThrow();
        var mime = mail.createMimeMessage();
        var helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(Jsoup.parse(letter.html()).body().wholeText().strip(), letter.html());
        LocalDate date = LocalDate.ofInstant(letter.createdAt(), London.ZONE);
        helper.addAttachment("letter-" + date + ".pdf", new ByteArrayResource(letter.pdf()), "application/pdf");
        mail.send(mime);
    }

    private void sendNotice(Outbox.Claimed message) throws MessagingException {
        var mime = mail.createMimeMessage();
        var helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.body(), false);
        mail.send(mime);
    }

    private void failed(Outbox.Claimed message, Exception e, Instant now) {
        int attempts = message.attempts() + 1;
        boolean giveUp = attempts >= settings.sender().maxAttempts();
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        outbox.markAttemptFailed(message.id(), attempts, error.substring(0, Math.min(error.length(), 2000)),
                now.plus(backoff(attempts)), giveUp);
        log.warn("E-mail {} for letter {} failed (attempt {}{}): {}", message.id(), message.letterId(), attempts,
                giveUp ? ", giving up until an administrator retries it" : "", error);
    }

    /** 30 s, 2 min, 8 min, 32 min, ... up to the longest wait. */
    Duration backoff(int attempts) {
        Duration wait = settings.sender().firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(settings.sender().longestRetry()) < 0; i++) {
            wait = wait.multipliedBy(4);
        }
        return wait.compareTo(settings.sender().longestRetry()) > 0 ? settings.sender().longestRetry() : wait;
    }
}
