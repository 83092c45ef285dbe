package org.openattendance.shared;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A fixed number of named threads that work apart from the others (the general event threads, case signals, this
 * morning's absences, the dashboard, recalculation batches) and, at shutdown, finish what they have begun for up to
 * 20 seconds before the application context closes beneath them.
 */
public final class EventThreads {

    private EventThreads() {
    }

    public static ThreadPoolTaskExecutor fixed(String namePrefix, int threads) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix(namePrefix);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(20);
        return executor;
    }
}
