package org.openattendance.attendance;

import org.openattendance.shared.EventThreads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The extra threads a recalculation of many pupils works with, besides the thread that asked for it. A batch spends
 * about half its time waiting for PostgreSQL to send the marks and store the snapshots and half reading and
 * summarising them in Java: two batches at a time, each in its own transaction, keep both busy. The pupils of two
 * batches never overlap, so their row locks never meet.
 */
@Configuration(proxyBeanMethods = false)
class RecalculationThreads {

    static final String NAME = "recalculationExecutor";

    @Bean(name = NAME)
    ThreadPoolTaskExecutor recalculationExecutor(
            @Value("${openattendance.attendance.recalculation-extra-threads:1}") int threads) {
        return EventThreads.fixed("recalculation-", Math.max(1, threads));
    }
}
