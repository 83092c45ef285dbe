package org.openattendance.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers no sooner than a fixed time after the work began, so that how long an answer takes says nothing about
 * what the work found (e.g. whether a parent's details matched a pupil, which means more to store and an e-mail to
 * queue). The time must be longer than the slowest ordinary run of the work; a run that takes longer is logged and
 * counted, because its timing shows.
 */
@Component
public class EvenPace {

    private static final Logger log = LoggerFactory.getLogger(EvenPace.class);

    private final AtomicLong overruns = new AtomicLong();

    /** Runs the work and waits until {@code answerTime} has passed since it began (not when the work fails). */
    public <T> T atLeast(Duration answerTime, Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        long left = answerTime.toNanos() - (System.nanoTime() - started);
        if (left < 0) {
            overruns.incrementAndGet();
            log.warn("Work meant to answer in an even {} ms took {} ms: its timing shows; raise the answer time",
                    answerTime.toMillis(), (System.nanoTime() - started) / 1_000_000);
            return result;
        }
        try {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    public void atLeast(Duration answerTime, Runnable work) {
        atLeast(answerTime, () -> {
            work.run();
            return null;
        });
    }

    /** How many runs took longer than their answer time, since this node started. */
    public long overruns() {
        return overruns.get();
    }
}
