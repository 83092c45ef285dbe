package org.openattendance.dashboard;

import org.openattendance.shared.EventThreads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The thread that keeps the dashboard's aggregates up to date after register loads and pupil changes, apart from the
 * general event threads: on a Monday morning fifty schools load at once, and refreshing their dashboards on every
 * event thread held back the recalculations that the first-day contacts wait for (the dashboard is a view for later
 * in the day; the contacts are due that morning). The events wait in the event publication registry until handled, so
 * none is lost by waiting here; one school at a time across nodes is kept by the advisory lock, not by this thread.
 */
@Configuration(proxyBeanMethods = false)
class DashboardThreads {

    static final String NAME = "dashboardExecutor";

    @Bean(name = NAME)
    ThreadPoolTaskExecutor dashboardExecutor(@Value("${openattendance.dashboard.refresh-threads:1}") int threads) {
        return EventThreads.fixed("dashboard-", threads);
    }
}
