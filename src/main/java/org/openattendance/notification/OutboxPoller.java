package org.openattendance.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Works through the outbox on every node; the claim in the database keeps two nodes from sending the same e-mail. */
@Component
@ConditionalOnProperty(name = "openattendance.notification.sender.enabled", havingValue = "true", matchIfMissing = true)
class OutboxPoller {

    private final OutboxSender sender;

    OutboxPoller(OutboxSender sender) {
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${openattendance.notification.sender.delay:PT2S}",
            initialDelayString = "${openattendance.notification.sender.delay:PT2S}")
    void poll() {
        sender.sendDue();
    }
}
