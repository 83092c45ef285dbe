package org.openattendance.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * At start-up, a database whose dashboard has never been worked out (a new installation with pupils loaded before
 * this version) gets every school's figures for this year. Several nodes starting together each take the schools
 * one by one under the same lock per school; the work is repeated, never wrong.
 */
@Component
@ConditionalOnProperty(name = "openattendance.dashboard.refresh-after-load", havingValue = "true", matchIfMissing = true)
class BuildWhenEmpty implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BuildWhenEmpty.class);

    private final DashboardAggregates aggregates;

    BuildWhenEmpty(DashboardAggregates aggregates) {
        this.aggregates = aggregates;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (aggregates.isEmpty()) {
            long started = System.nanoTime();
            int schools = aggregates.refreshAll();
            if (schools > 0) {
                LOG.info("Dashboard figures worked out for {} schools in {} s", schools,
                        (System.nanoTime() - started) / 1_000_000_000);
            }
        }
    }
}
