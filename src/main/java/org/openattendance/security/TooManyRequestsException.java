package org.openattendance.security;

import java.time.Duration;

/**
 * A client went over a rate limit: answered 429 with a Retry-After header and a page that says when to try again
 * (see {@link TooManyRequestsAdvice}).
 */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter) {
        super("Too many requests");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes, at least one. */
    public long minutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }
}
