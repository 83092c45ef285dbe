package org.openattendance.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.openattendance.shared.London;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Finds audit events by pupil, by user, by date and by outcome, newest first, a page at a time. */
@Repository
class AuditSearch {


    /** @param upn, username, from, to: null for any; {@code from} and {@code to} are whole days, both included */
    record Query(String upn, String username, LocalDate from, LocalDate to, boolean refusedOnly) {
    }

    record Event(long id, Instant at, String username, String roles, String action, String outcome, String subjectType,
                 String subjectId, String upn, String detail, String clientAddress) {
    }

    record Found(List<Event> events, long total) {
    }

    private final JdbcTemplate jdbc;

    AuditSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Found find(Query query, int offset, int limit) {
        var where = new StringBuilder(" where true");
        var args = new ArrayList<Object>();
        if (query.upn() != null) {
            where.append(" and pupil_upn = ?");
            args.add(query.upn());
        }
        if (query.username() != null) {
            where.append(" and username = ?");
            args.add(query.username());
        }
        if (query.from() != null) {
            where.append(" and occurred_at >= ?");
            args.add(Timestamp.from(query.from().atStartOfDay(London.ZONE).toInstant()));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < ?");
            args.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(London.ZONE).toInstant()));
        }
        if (query.refusedOnly()) {
            where.append(" and outcome = 'REFUSED'");
        }
        Long total = jdbc.queryForObject("select count(*) from audit_event" + where, Long.class, args.toArray());
        var page = new ArrayList<>(args);
        page.add(limit);
        page.add(offset);
        List<Event> events = jdbc.query("""
                select id, occurred_at, username, roles, action, outcome, subject_type, subject_id, pupil_upn, detail,
                       client_address
                from audit_event""" + where + " order by occurred_at desc, id desc limit ? offset ?",
                (rs, i) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11)),
                page.toArray());
        return new Found(events, total == null ? 0 : total);
    }
}
