package org.openattendance.leave;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The links e-mailed to a parent. The token travels only in the e-mail; the database keeps its SHA-256 hash, so a
 * copy of the database opens no request. A CONFIRM link works once; a STATUS link until it expires.
 */
@Component
class LeaveLinks {

    enum Purpose { CONFIRM, STATUS }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    LeaveLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new link's token (256 random bits, URL-safe). */
    String create(UUID requestId, Purpose purpose, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into leave_link (token_hash, request_id, purpose, expires_at) values (?, ?, ?, ?)",
                hash(token), requestId, purpose.name(), Timestamp.from(expiresAt));
        return token;
    }

    /** Uses a one-time confirmation link: the request, or empty when unknown, used before or expired. */
    Optional<UUID> useOnce(String token, Instant now) {
        return jdbc.queryForList("""
                update leave_link set used_at = ? where token_hash = ? and purpose = 'CONFIRM' and used_at is null
                  and expires_at > ? returning request_id""", UUID.class, Timestamp.from(now), hash(token),
                Timestamp.from(now)).stream().findFirst();
    }

    /** Whether a confirmation link would still work, without using it (for the page that asks to confirm). */
    boolean confirmable(String token, Instant now) {
        return !jdbc.queryForList("select request_id from leave_link where token_hash = ? and purpose = 'CONFIRM' "
                + "and used_at is null and expires_at > ?", UUID.class, hash(token), Timestamp.from(now)).isEmpty();
    }

    /** The request a status link opens, or empty when unknown or expired. */
    Optional<UUID> open(String token, Instant now) {
        return jdbc.queryForList("select request_id from leave_link where token_hash = ? and purpose = 'STATUS' "
                + "and expires_at > ?", UUID.class, hash(token), Timestamp.from(now)).stream().findFirst();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
