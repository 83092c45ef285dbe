package org.openattendance.attendance;

import org.openattendance.shared.EventThreads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The thread that recalculates the pupils with an N this morning ({@link RecalculateUnexplainedMornings}) apart from
 * the general event threads, where the recalculations of whole rolls queue after a round of register loads. The
 * events wait in the event publication registry until handled, so none is lost by waiting here.
 */
@Configuration(proxyBeanMethods = false)
class MorningAbsenceThreads {

    static final String NAME = "morningAbsenceExecutor";

    @Bean(name = NAME)
    ThreadPoolTaskExecutor morningAbsenceExecutor(
            @Value("${openattendance.attendance.morning-absence-threads:1}") int threads) {
        return EventThreads.fixed("morning-absence-", threads);
    }
}
