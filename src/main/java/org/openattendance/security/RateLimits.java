package org.openattendance.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rate limits that every node shares: Bucket4j token buckets kept in PostgreSQL ({@code rate_limit_bucket}, one row
 * per limit and key, taken with {@code select ... for update}). Nothing is counted in a node's memory, so a client
 * that spreads its requests over the nodes behind a load balancer meets the same limit.
 */
@Component
public class RateLimits {

    /**
     * A limit: at most {@code capacity} requests per {@code period}; a used-up bucket is full again when the period
     * that began with its first request has passed.
     *
     * @param name the limit's name, the first part of each bucket's id
     */
    public record Limit(String name, long capacity, Duration period) {

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build())
                    .build();
        }
    }

    /** @param retryAfter how long until one more request would be allowed (zero when this one was) */
    public record Outcome(boolean allowed, long remaining, Duration retryAfter) {
    }

    private static final String TABLE = "rate_limit_bucket";

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final JdbcTemplate jdbc;

    RateLimits(DataSource dataSource, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                // A full bucket is the same as none: its row may go once it has refilled (and a minute more).
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one request from the key's bucket if there is one left. */
    public Outcome tryConsume(Limit limit, String key) {
        var probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        return new Outcome(probe.isConsumed(), probe.getRemainingTokens(),
                probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** A limit and the key whose bucket is meant, e.g. the per-address limit and an address. */
    public record Use(Limit limit, String key) {
    }

    /**
     * Takes one request from each bucket, or from none: if any is used up, what was taken from the others is given
     * back, and the outcome says how long until all would allow one.
     */
    public Outcome tryConsumeAll(List<Use> uses) {
        var taken = new java.util.ArrayList<Use>();
        Duration wait = Duration.ZERO;
        boolean allowed = true;
        long remaining = Long.MAX_VALUE;
        for (Use use : uses) {
            Outcome outcome = tryConsume(use.limit(), use.key());
            if (outcome.allowed()) {
                taken.add(use);
                remaining = Math.min(remaining, outcome.remaining());
            } else {
                allowed = false;
                wait = outcome.retryAfter().compareTo(wait) > 0 ? outcome.retryAfter() : wait;
            }
        }
        if (!allowed) {
            taken.forEach(use -> giveBack(use.limit(), use.key()));
            return new Outcome(false, 0, wait);
        }
        return new Outcome(true, remaining, Duration.ZERO);
    }

    /** As {@link #tryConsumeAll}, answering a refusal with {@link TooManyRequestsException} (429). */
    public void consumeAllOrRefuse(List<Use> uses) {
        Outcome outcome = tryConsumeAll(uses);
        if (!outcome.allowed()) {
            throw new TooManyRequestsException(outcome.retryAfter());
        }
    }

    /** Gives back a request taken by {@link #tryConsume} that turned out not to count (never above the capacity). */
    public void giveBack(Limit limit, String key) {
        bucket(limit, key).addTokens(1);
    }

    /** Fills the key's bucket again, as if it had never been used. */
    public void reset(Limit limit, String key) {
        buckets.removeProxy(id(limit, key));
    }

    /** Whether the key has no request left, without taking one; how long until it has. */
    public Outcome peek(Limit limit, String key) {
        if (buckets.getProxyConfiguration(id(limit, key)).isEmpty()) {
            return new Outcome(true, limit.capacity(), Duration.ZERO);
        }
        BucketProxy bucket = bucket(limit, key);
        long available = bucket.getAvailableTokens();
        return new Outcome(available > 0, available,
                available > 0 ? Duration.ZERO : Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** The keys of this limit that have no request left now (only keys recently used can be). */
    public List<String> exhaustedKeys(Limit limit) {
        String prefix = limit.name() + ":";
        return jdbc.queryForList("select id from " + TABLE + " where id like ? and expires_at > ? order by id",
                        String.class, prefix.replace("%", "\\%").replace("_", "\\_") + "%", System.currentTimeMillis())
                .stream().map(id -> id.substring(prefix.length()))
                .filter(key -> !peek(limit, key).allowed()).toList();
    }

    /**
     * A key that names a person (an e-mail address, a child's name and birthday) by its SHA-256 digest, so the
     * buckets table holds no personal data. Parts are trimmed and lower-cased first.
     */
    public static String digest(String... parts) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update((part == null ? "" : part.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every node may run this: Bucket4j deletes with {@code for update skip locked}, so two never clash. */
    @Scheduled(fixedDelayString = "${openattendance.security.rate-limits.cleanup-every:PT10M}", initialDelayString = "PT1M")
    void removeFullBuckets() {
        while (buckets.removeExpired(1000) == 1000) {
            // more to remove
        }
    }

    private BucketProxy bucket(Limit limit, String key) {
        return buckets.builder().build(id(limit, key), limit::configuration);
    }

    private static String id(Limit limit, String key) {
        String id = limit.name() + ":" + key;
        return id.length() <= 300 ? id : limit.name() + ":" + digest(key);
    }
}
