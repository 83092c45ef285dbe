package org.openattendance.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The mail outbox for Prometheus: e-mails waiting (PENDING) and given up (FAILED), read when scraped. */
@Component
class OutboxMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    OutboxMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : new String[] {"PENDING", "FAILED"}) {
            Gauge.builder("openattendance.outbox.messages", () -> count(status))
                    .description("E-mails in the outbox, by status").tag("status", status).register(registry);
        }
    }

    private double count(String status) {
        try {
            Long count = jdbc.queryForObject("select count(*) from outbox_message where status = ?", Long.class, status);
            return count == null ? 0 : count;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
