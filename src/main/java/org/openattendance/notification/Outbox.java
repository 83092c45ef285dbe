package org.openattendance.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The e-mails waiting to go out, in the database so that every node sees the same queue and nothing is lost. */
@Component
class Outbox {

    enum Status { PENDING, SENT, FAILED }

    /** @param body the text of an e-mail that is not a letter (null for letters) */
    record Claimed(long id, UUID letterId, String recipient, String subject, int attempts, String body) {
    }

    record Entry(long id, UUID letterId, String recipient, String subject, Status status, int attempts,
                 String lastError, Instant nextAttemptAt, Instant createdAt, Instant sentAt) {
    }

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reserves due messages for this node for the lease: a node that dies while sending leaves them to be
     * claimed again when the lease ends. Rows another node is claiming at the same moment are skipped.
     */
    List<Claimed> claimDue(Instant now, int limit, Duration lease) {
        return jdbc.query("""
                        update outbox_message set next_attempt_at = ?
                        where id in (select id from outbox_message
                                     where status = 'PENDING' and next_attempt_at <= ?
                                     order by next_attempt_at limit ? for update skip locked)
                        returning id, letter_id, recipient, subject, attempts, body""",
                (rs, n) -> new Claimed(rs.getLong("id"), rs.getObject("letter_id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getInt("attempts"), rs.getString("body")),
                Timestamp.from(now.plus(lease)), Timestamp.from(now), limit);
    }

    void markSent(long id, Instant now) {
        jdbc.update("""
                update outbox_message set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null, body = null
                where id = ? and status = 'PENDING'""", Timestamp.from(now), id);
    }

    /** Queues an e-mail that is not a letter; its body is wiped once the mail server has taken it. */
    void queueMessage(String recipient, String subject, String body, Instant now) {
        jdbc.update("insert into outbox_message (recipient, subject, body, next_attempt_at) values (?, ?, ?, ?)",
                recipient, subject, body, Timestamp.from(now));
    }

    void markAttemptFailed(long id, int attempts, String error, Instant nextAttemptAt, boolean giveUp) {
        jdbc.update("""
                update outbox_message set attempts = ?, last_error = ?, next_attempt_at = ?, status = ?
                where id = ? and status = 'PENDING'""",
                attempts, error, Timestamp.from(nextAttemptAt), giveUp ? "FAILED" : "PENDING", id);
    }

    List<Entry> list(Status status, int limit) {
        String where = status == null ? "" : "where status = '" + status.name() + "' ";
        return jdbc.query("select * from outbox_message " + where + "order by created_at desc, id desc limit ?",
                Outbox::entry, limit);
    }

    /** How many messages have each status; every status is present. */
    Map<Status, Integer> counts() {
        var counts = new EnumMap<Status, Integer>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        jdbc.query("select status, count(*) from outbox_message group by status",
                (ResultSet rs) -> { counts.put(Status.valueOf(rs.getString(1)), rs.getInt(2)); });
        return counts;
    }

    /** The messages that failed for good, then those still being retried after a failed attempt. */
    List<Entry> troubled(int limit) {
        return jdbc.query("""
                select * from outbox_message where status = 'FAILED' or (status = 'PENDING' and attempts > 0)
                order by status, next_attempt_at, id limit ?""", Outbox::entry, limit);
    }

    /** Puts a FAILED message back in the queue with a fresh set of attempts; false if it is not FAILED. */
    boolean retry(long id, Instant now) {
        return jdbc.update("""
                update outbox_message set status = 'PENDING', attempts = 0, next_attempt_at = ?
                where id = ? and status = 'FAILED'""", Timestamp.from(now), id) == 1;
    }

    boolean exists(long id) {
        return !jdbc.queryForList("select id from outbox_message where id = ?", Long.class, id).isEmpty();
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("letter_id", UUID.class), rs.getString("recipient"),
                rs.getString("subject"), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_error"), instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
