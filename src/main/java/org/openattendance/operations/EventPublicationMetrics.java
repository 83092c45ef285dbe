package org.openattendance.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Events waiting for a listener (Spring Modulith's {@code event_publication}, the application's outbox of events):
 * incomplete ones, and those incomplete for more than five minutes (failing listeners, or a node that died).
 */
@Component
class EventPublicationMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    EventPublicationMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("openattendance.events.incomplete", () -> count("completion_date is null"))
                .description("Event publications not yet handled by their listener").register(registry);
        Gauge.builder("openattendance.events.stuck", () -> count("completion_date is null and publication_date < now() - interval '5 minutes'"))
                .description("Event publications unhandled for more than five minutes").register(registry);
    }

    private double count(String condition) {
        try {
            Long count = jdbc.queryForObject("select count(*) from event_publication where " + condition, Long.class);
            return count == null ? 0 : count;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
