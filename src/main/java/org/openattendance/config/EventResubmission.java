package org.openattendance.config;

import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits the event publications whose listener failed (they stay incomplete in {@code event_publication}), so
 * that a letter, a case signal or a recalculation is not lost to a passing failure. Every node runs the schedule;
 * a lease row in the database ({@code scheduled_lease}) lets one node at a time do it, for one period. Publications
 * younger than {@code older-than} are left alone: their first delivery may still be running. A listener may still
 * see an event twice (a resubmission racing a slow first delivery), so every listener is idempotent.
 */
@Component
public class EventResubmission {

    static final String LEASE = "resubmit-incomplete-event-publications";
    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final JdbcTemplate jdbc;
    private final boolean enabled;
    private final Duration olderThan;
    private final Duration lease;
    private final String node = UUID.randomUUID().toString();

    EventResubmission(IncompleteEventPublications incomplete, JdbcTemplate jdbc,
                      @Value("${openattendance.events.resubmission.enabled:true}") boolean enabled,
                      @Value("${openattendance.events.resubmission.older-than:PT5M}") Duration olderThan,
                      @Value("${openattendance.events.resubmission.every:PT5M}") Duration lease) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.enabled = enabled;
        this.olderThan = olderThan;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${openattendance.events.resubmission.every:PT5M}",
            initialDelayString = "${openattendance.events.resubmission.every:PT5M}")
    void onSchedule() {
        if (enabled) {
            resubmit(olderThan);
        }
    }

    /** Resubmits if this node takes the lease; answers whether it did. */
    public boolean resubmit(Duration publishedBefore) {
        if (!takeLease()) {
            return false;
        }
        log.debug("Resubmitting incomplete event publications older than {}", publishedBefore);
        incomplete.resubmitIncompletePublicationsOlderThan(publishedBefore);
        return true;
    }

    /** One statement each, so two nodes cannot both move the lease on: the row lock decides. */
    boolean takeLease() {
        jdbc.update("insert into scheduled_lease (name, holder, held_until) values (?, ?, now() - interval '1 second') "
                + "on conflict (name) do nothing", LEASE, node);
        return jdbc.update("update scheduled_lease set holder = ?, held_until = now() + make_interval(secs => ?) "
                + "where name = ? and held_until <= now()", node, (double) lease.toMillis() / 1000, LEASE) == 1;
    }

    /** For tests and operations: ends the current lease at once. */
    public void releaseLease() {
        jdbc.update("update scheduled_lease set held_until = now() - interval '1 second' where name = ?", LEASE);
    }
}
