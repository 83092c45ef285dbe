package org.openattendance.config;

import java.net.InetAddress;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's heartbeat in {@code application_node}, by which the other nodes tell that it is alive (and so that the
 * event publications it wrote are still being delivered by it).
 */
@Component
public class ApplicationNode {

    /** A node whose heartbeat is older than this is taken for dead. */
    public static final Duration SILENCE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationNode.class);

    private final NodeIdentity identity;
    private final JdbcTemplate jdbc;

    ApplicationNode(NodeIdentity identity, JdbcTemplate jdbc) {
        this.identity = identity;
        this.jdbc = jdbc;
    }

    public String id() {
        return identity.id();
    }

    /** As soon as the context is up, before start-up work (demo data) publishes events in this node's name. */
    @EventListener(ContextRefreshedEvent.class)
    void register() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown";
        }
        jdbc.update("insert into application_node (id, host) values (?, ?) on conflict (id) do update set heartbeat_at = now()",
                id(), host);
        LOG.info("This node is {} on {}", id(), host);
    }

    @Scheduled(fixedDelayString = "${openattendance.node.heartbeat:PT5S}", initialDelayString = "${openattendance.node.heartbeat:PT5S}")
    void heartbeat() {
        try {
            if (jdbc.update("update application_node set heartbeat_at = now() where id = ?", id()) == 0) {
                register();
            }
            // Nodes silent for a day are forgotten.
            jdbc.update("delete from application_node where heartbeat_at < now() - interval '1 day'");
        } catch (RuntimeException e) {
            LOG.debug("Heartbeat not written: {}", e.toString());
        }
    }
}
