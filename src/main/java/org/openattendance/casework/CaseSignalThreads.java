package org.openattendance.casework;

import org.openattendance.shared.EventThreads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that turn attendance signals into case work (opening cases, starting and messaging processes). Apart
 * from the general event threads and few: a recalculation of every pupil publishes thousands of signals, and case
 * work on every event thread took the two cores from the recalculation itself (50,000 snapshots went from 24 s to
 * 58 s). The signals wait in the event publication registry until handled, so none is lost by waiting here.
 */
@Configuration(proxyBeanMethods = false)
class CaseSignalThreads {

    static final String NAME = "caseSignalsExecutor";

    @Bean(name = NAME)
    ThreadPoolTaskExecutor caseSignalsExecutor(@Value("${openattendance.casework.signal-threads:1}") int threads) {
        return EventThreads.fixed("case-signals-", threads);
    }
}
