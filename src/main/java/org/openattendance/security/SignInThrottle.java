package org.openattendance.security;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits password guessing: failed sign-ins are counted per account (the username typed, whether or not it
 * exists, so the limit says nothing about which accounts do) and per client address, in buckets every node
 * shares. Once either is used up, sign-ins stop for that account or address until the bucket refills or an
 * administrator unlocks it.
 */
@Component
public class SignInThrottle {

    private final RateLimits limits;
    private final RateLimits.Limit perAccount;
    private final RateLimits.Limit perAddress;

    SignInThrottle(RateLimits limits,
                   @Value("${openattendance.security.sign-in.failures-per-account:10}") long failuresPerAccount,
                   @Value("${openattendance.security.sign-in.failures-per-address:50}") long failuresPerAddress,
                   @Value("${openattendance.security.sign-in.failure-window:PT15M}") Duration window) {
        this.limits = limits;
        this.perAccount = new RateLimits.Limit("sign-in-account", failuresPerAccount, window);
        this.perAddress = new RateLimits.Limit("sign-in-address", failuresPerAddress, window);
    }

    /** One attempt to sign in, counted before the password is checked (so parallel guesses count too). */
    record Attempt(boolean allowed, long accountRemaining, long addressRemaining, Duration retryAfter) {
    }

    Attempt begin(String username, String address) {
        RateLimits.Outcome account = limits.tryConsume(perAccount, accountKey(username));
        RateLimits.Outcome client = limits.tryConsume(perAddress, address);
        if (account.allowed() && client.allowed()) {
            return new Attempt(true, account.remaining(), client.remaining(), Duration.ZERO);
        }
        // Refused attempts are not failures: give back what was taken from the other bucket.
        if (account.allowed()) {
            limits.giveBack(perAccount, accountKey(username));
        }
        if (client.allowed()) {
            limits.giveBack(perAddress, address);
        }
        Duration wait = account.retryAfter().compareTo(client.retryAfter()) > 0 ? account.retryAfter() : client.retryAfter();
        return new Attempt(false, account.remaining(), client.remaining(), wait);
    }

    /** A successful sign-in: it was no guess, so the account starts afresh and the address gets its try back. */
    void succeeded(String username, String address) {
        limits.reset(perAccount, accountKey(username));
        limits.giveBack(perAddress, address);
    }

    public boolean accountPaused(String username) {
        return !limits.peek(perAccount, accountKey(username)).allowed();
    }

    public Duration accountPausedFor(String username) {
        return limits.peek(perAccount, accountKey(username)).retryAfter();
    }

    public List<String> pausedAccounts() {
        return limits.exhaustedKeys(perAccount);
    }

    public List<String> pausedAddresses() {
        return limits.exhaustedKeys(perAddress);
    }

    public void unlockAccount(String username) {
        limits.reset(perAccount, accountKey(username));
    }

    public void unlockAddress(String address) {
        limits.reset(perAddress, address);
    }

    public Duration window() {
        return perAccount.period();
    }

    private static String accountKey(String username) {
        return username == null ? "" : username.strip();
    }
}
