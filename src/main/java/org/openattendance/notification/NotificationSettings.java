package org.openattendance.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from   the sender address of every letter e-mail
 * @param sender how the outbox is worked through
 */
@ConfigurationProperties("openattendance.notification")
record NotificationSettings(@DefaultValue("attendance@openattendance.invalid") String from,
                            @DefaultValue Sender sender) {

    /**
     * @param enabled      poll the outbox on a schedule (tests switch this off and call the sender themselves)
     * @param batchSize    messages claimed by one node in one round
     * @param maxAttempts  after this many failed attempts a message is FAILED until an admin retries it
     * @param firstRetry   the wait after the first failure; each later wait is four times longer
     * @param longestRetry the longest wait between attempts
     * @param lease        how long a claimed message is reserved for the node sending it; longer than any SMTP timeout
     */
    record Sender(@DefaultValue("true") boolean enabled,
                  @DefaultValue("20") int batchSize,
                  @DefaultValue("10") int maxAttempts,
                  @DefaultValue("30s") Duration firstRetry,
                  @DefaultValue("6h") Duration longestRetry,
                  @DefaultValue("5m") Duration lease) {
    }
}
