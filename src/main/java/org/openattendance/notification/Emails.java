package org.openattendance.notification;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mails that are not letters on a case, such as a parent's one-time link: plain text to one address, sent
 * through the same outbox as letters (retried while the mail server is down). The body is kept only until the
 * mail server has taken it.
 */
@Service
public class Emails {

    private final Outbox outbox;
    private final Clock clock;

    Emails(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void queue(String recipient, String subject, String plainText) {
        outbox.queueMessage(recipient, subject.length() <= 300 ? subject : subject.substring(0, 300), plainText,
                clock.instant());
    }
}
