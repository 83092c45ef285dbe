package org.openattendance.security;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * Too many failed sign-ins for the account or the client address: the password was not even checked. The same
 * whether or not the account exists.
 */
public class SignInPausedException extends LockedException {

    private final Duration retryAfter;

    SignInPausedException(Duration retryAfter) {
        super("Too many failed sign-in attempts");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes, at least one, for the message. */
    public long minutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }
}
