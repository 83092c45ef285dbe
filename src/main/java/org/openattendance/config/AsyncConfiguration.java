package org.openattendance.config;

import org.openattendance.shared.EventThreads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that handle events after their transaction commits (recalculations, case signals, letters).
 * Bounded: Camunda defines a task executor of its own, so without this bean Spring would fall back to a thread
 * per event, and a large register load would open more database connections than the pool holds.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {

    @Bean(name = "taskExecutor")
    ThreadPoolTaskExecutor taskExecutor(@Value("${openattendance.events.threads:4}") int threads) {
        return EventThreads.fixed("events-", threads);
    }
}
