package org.openattendance.config;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits the event publications that will not complete by themselves, so that a letter, a case signal or a
 * recalculation is not lost to a passing failure or a node that died:
 * <ul>
 *   <li>those of a dead node (its heartbeat stopped {@link ApplicationNode#SILENCE} ago, or it never had one): at
 *   once, so figures are stale for under a minute after a node dies;</li>
 *   <li>those of a live node only when older than {@code older-than}: their first delivery may still be running
 *   there (a recalculation, a batch of case signals), and resubmitting them would run them twice at once.</li>
 * </ul>
 * Every node runs the schedule; ShedLock lets one node at a time do it. The resubmitting node claims the
 * publications (their {@code node} becomes its own), so the next run leaves them alone while it delivers them. A
 * listener may still see an event twice (a node taken for dead that was only slow), so every listener is idempotent.
 */
@Component
public class EventResubmission {

    static final String LOCK = "resubmit-incomplete-event-publications";
    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final JdbcTemplate jdbc;
    private final LockingTaskExecutor locks;
    private final NodeIdentity node;
    private final boolean enabled;
    private final Duration olderThan;
    private final Duration every;

    EventResubmission(IncompleteEventPublications incomplete, JdbcTemplate jdbc, LockingTaskExecutor locks,
                      NodeIdentity node,
                      @Value("${openattendance.events.resubmission.enabled:true}") boolean enabled,
                      @Value("${openattendance.events.resubmission.older-than:PT5M}") Duration olderThan,
                      @Value("${openattendance.events.resubmission.every:PT15S}") Duration every) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.locks = locks;
        this.node = node;
        this.enabled = enabled;
        this.olderThan = olderThan;
        this.every = every;
    }

    @Scheduled(fixedDelayString = "${openattendance.events.resubmission.every:PT15S}",
            initialDelayString = "${openattendance.events.resubmission.every:PT15S}")
    void onSchedule() {
        if (enabled) {
            resubmit(olderThan);
        }
    }

    /**
     * Resubmits, if this node takes the lock (held for at least one period, so the nodes take turns): a dead node's
     * publications, and a live node's published before {@code liveNodesBefore} ago. Answers whether it ran.
     */
    public boolean resubmit(Duration liveNodesBefore) {
        try {
            return locks.executeWithLock(() -> resubmitNow(liveNodesBefore),
                    new LockConfiguration(Instant.now(), LOCK, every.multipliedBy(20), every.minusMillis(500)))
                    .wasExecuted();
        } catch (Throwable e) {
            log.warn("Resubmitting incomplete event publications failed: {}", e.toString());
            return false;
        }
    }

    private int resubmitNow(Duration liveNodesBefore) {
        List<UUID> claimed = jdbc.queryForList("""
                update event_publication set node = ?, claimed_at = now()
                where completion_date is null and (
                    coalesce(node, '') not in (select id from application_node
                                               where heartbeat_at > now() - make_interval(secs => ?))
                    or coalesce(claimed_at, publication_date) < now() - make_interval(secs => ?))
                returning id""", UUID.class, node.id(), (double) ApplicationNode.SILENCE.toSeconds(),
                liveNodesBefore.toMillis() / 1000.0);
        if (claimed.isEmpty()) {
            return 0;
        }
        Set<UUID> ids = new HashSet<>(claimed);
        log.info("Resubmitting {} incomplete event publications", ids.size());
        incomplete.resubmitIncompletePublications(publication -> ids.contains(publication.getIdentifier()));
        return ids.size();
    }

    /** For tests and operations: ends the current lock at once. */
    public void releaseLease() {
        jdbc.update("update shedlock set lock_until = locked_at where name = ?", LOCK);
    }
}
