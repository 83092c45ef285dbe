package org.openattendance.operations;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether this node can reach the database, checked every {@code every} on a thread of its own (a check never waits
 * behind the scheduled jobs). While it cannot, the node refuses traffic (readiness false, so the load balancer takes
 * it out) and answers every request 503 with a message (see {@link DatabaseOutageFilter}), rather than letting a
 * sign-in wait for a connection and fail as if the password were wrong.
 */
@Component
class DatabaseWatch implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatch.class);

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final Duration every;
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "database-watch");
        t.setDaemon(true);
        return t;
    });

    DatabaseWatch(DataSource dataSource, ApplicationEventPublisher events,
                  @Value("${openattendance.database-watch.every:PT2S}") Duration every) {
        this.dataSource = dataSource;
        this.events = events;
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread.scheduleWithFixedDelay(this::checkNow, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last check's answer. */
    boolean reachable() {
        return reachable.get();
    }

    /** Checks now (a pooled connection answers within 2 s) and answers whether the database was reached. */
    boolean checkNow() {
        boolean now;
        try (Connection connection = dataSource.getConnection()) {
            now = connection.isValid(2);
        } catch (Exception e) {
            now = false;
        }
        boolean before = reachable.getAndSet(now);
        if (before && !now) {
            LOG.error("The database cannot be reached: this node answers 503 and refuses traffic until it can");
            AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        } else if (!before && now) {
            LOG.info("The database can be reached again: this node accepts traffic");
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
        return now;
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
