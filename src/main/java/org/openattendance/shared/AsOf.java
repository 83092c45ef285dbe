package org.openattendance.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What "now" is for the work of the current thread: the real time, or, for demonstration data only, a moment in the
 * past. The demo takes a case through its steps as of the days they would have happened (a notice issued, served and
 * left unpaid weeks ago), so that every date the modules derive from "now" (a record's date, a due date, a timer, a
 * line on the case's timeline) follows the story. Nothing in the application's own work sets it; a request thread
 * never has it set, so "now" there is always the real time.
 */
public final class AsOf {

    private static final ThreadLocal<Instant> MOMENT = new ThreadLocal<>();

    private AsOf() {
    }

    /** Runs {@code work} in this thread as of {@code moment}; the previous moment (if any) is restored after. */
    public static <T> T run(Instant moment, Supplier<T> work) {
        Objects.requireNonNull(moment, "moment");
        Instant before = MOMENT.get();
        MOMENT.set(moment);
        try {
            return work.get();
        } finally {
            if (before == null) {
                MOMENT.remove();
            } else {
                MOMENT.set(before);
            }
        }
    }

    /** The moment this thread works as of, or {@code otherwise} (the real time of the caller's clock). */
    public static Date orElse(Date otherwise) {
        Instant moment = MOMENT.get();
        return moment == null ? otherwise : Date.from(moment);
    }

    /** The application's clock: the real time, or the moment the current thread works as of. */
    public static Clock clock(Clock real) {
        return new AsOfClock(real);
    }

    private static final class AsOfClock extends Clock {
        private final Clock real;

        AsOfClock(Clock real) {
            this.real = real;
        }

        @Override
        public ZoneId getZone() {
            return real.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new AsOfClock(real.withZone(zone));
        }

        @Override
        public Instant instant() {
            Instant moment = MOMENT.get();
            return moment == null ? real.instant() : moment;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AsOfClock that && real.equals(that.real);
        }

        @Override
        public int hashCode() {
            return real.hashCode() + 1;
        }

        @Override
        public String toString() {
            return "AsOf[" + real + "]";
        }
    }
}
