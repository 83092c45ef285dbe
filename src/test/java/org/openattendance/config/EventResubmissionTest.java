package org.openattendance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A publication whose listener failed stays incomplete until resubmitted; then it is processed, once. */
@IntegrationTest
class EventResubmissionTest {

    @Autowired
    EventResubmission resubmission;
    @Autowired
    FlakyProbeListener listener;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailedPublicationIsResubmittedByOneNodeAndProcessedOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(new FlakyProbeListener.Probe(id)));
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(id) == 1);
        Thread.sleep(300);
        assertThat(incomplete(id)).as("the failed publication is kept").isOne();

        resubmission.releaseLease();
        boolean first = resubmission.resubmit(Duration.ZERO);
        boolean second = resubmission.resubmit(Duration.ZERO);   // another node in the same period

        assertThat(first).isTrue();
        assertThat(second).as("the lease is held").isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> incomplete(id) == 0);
        assertThat(listener.processed(id)).isOne();

        resubmission.releaseLease();
        assertThat(resubmission.resubmit(Duration.ZERO)).isTrue();
        Thread.sleep(500);
        assertThat(attempts(id)).as("a completed publication is not delivered again").isEqualTo(2);
        assertThat(listener.processed(id)).isOne();
    }

    @Test
    void aDeadNodesIncompletePublicationIsResubmittedWithinAMinuteButALiveNodesIsLeftToIt() throws Exception {
        String ofDeadNode = UUID.randomUUID().toString();
        String ofLiveNode = UUID.randomUUID().toString();
        for (String id : new String[] {ofDeadNode, ofLiveNode}) {
            new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(new FlakyProbeListener.Probe(id)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(ofDeadNode) == 1 && attempts(ofLiveNode) == 1);
        Thread.sleep(300);
        // Published 40 seconds ago: one by a node whose heartbeat stopped a minute ago (it died mid-delivery), one by a
        // node that is alive (its delivery may still be running there).
        jdbc.update("insert into application_node (id, host, heartbeat_at) values ('dead-node', 'test', now() - interval '1 minute')");
        jdbc.update("insert into application_node (id, host, heartbeat_at) values ('live-node', 'test', now())");
        setOwner(ofDeadNode, "dead-node");
        setOwner(ofLiveNode, "live-node");

        resubmission.releaseLease();
        assertThat(resubmission.resubmit(Duration.ofMinutes(5))).isTrue();

        await().atMost(Duration.ofSeconds(20)).until(() -> incomplete(ofDeadNode) == 0);
        assertThat(listener.processed(ofDeadNode)).isOne();
        Thread.sleep(500);
        assertThat(attempts(ofLiveNode)).as("the live node's delivery is not run a second time").isOne();
        assertThat(incomplete(ofLiveNode)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from shedlock where name = 'resubmit-incomplete-event-publications'",
                Integer.class)).as("one node at a time, through ShedLock").isOne();
    }

    private void setOwner(String probeId, String node) {
        jdbc.update("update event_publication set node = ?, publication_date = now() - interval '40 seconds' "
                + "where event_type like '%Probe' and serialized_event like ?", node, "%" + probeId + "%");
    }

    private int attempts(String id) {
        return listener.attempts(id);
    }

    private int incomplete(String id) {
        return jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
                + "and event_type like '%Probe' and serialized_event like ?", Integer.class, "%" + id + "%");
    }
}
