package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Lower bounds only: a sleeping thread never wakes early, so these hold on a busy machine as on a quiet one. */
class EvenPaceTest {

    private final EvenPace pace = new EvenPace();

    @Test
    void quickWorkIsAnsweredNoSoonerThanTheAnswerTime() {
        long started = System.nanoTime();
        String answer = pace.atLeast(Duration.ofMillis(300), () -> "found");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer).isEqualTo("found");
        assertThat(tookMillis).isGreaterThanOrEqualTo(300);
        assertThat(pace.overruns()).isZero();
    }

    @Test
    void workLongerThanTheAnswerTimeIsCountedBecauseItsTimingShows() {
        pace.atLeast(Duration.ofMillis(10), () -> sleep(60));
        pace.atLeast(Duration.ofMillis(10), () -> sleep(60));

        assertThat(pace.overruns()).isEqualTo(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
