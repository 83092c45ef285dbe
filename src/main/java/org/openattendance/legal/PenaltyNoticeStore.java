package org.openattendance.legal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openattendance.shared.Session;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The legal_penalty_notice table with its sessions (legal_notice_session) and payments (legal_payment). */
@Component
class PenaltyNoticeStore {

    private final JdbcTemplate jdbc;

    PenaltyNoticeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new notice and ties its sessions to it; a session already on a live notice to that parent fails. */
    void insert(PenaltyNotice n) {
        var terms = n.terms();
        jdbc.update("""
                insert into legal_penalty_notice (id, number, request_id, case_id, pupil_id, upn, school_urn, la_code,
                  parent_name, parent_address, parent_date_of_birth, parent_email, parent_key, occasion, reduced_amount,
                  reduced_within_days, full_amount, full_within_days, policy_version, issued_on, issued_by, status,
                  created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                n.id(), n.number(), n.requestId(), n.caseId(), n.pupilId(), n.upn(), n.schoolUrn(), n.laCode(),
                n.parent().name(), n.parent().address(), Date.valueOf(n.parent().dateOfBirth()), n.parent().email(),
                n.parent().key(), terms.occasion(), terms.reducedAmount(), terms.reducedWithinDays(), terms.fullAmount(),
                terms.fullWithinDays(), terms.policyVersion(), Date.valueOf(n.issuedOn()), n.issuedBy(),
                n.status().name(), Timestamp.from(n.createdAt()));
        jdbc.batchUpdate("""
                insert into legal_notice_session (notice_id, pupil_id, parent_key, mark_date, session, code)
                values (?, ?, ?, ?, ?, ?)""", n.sessions(), 500, (ps, s) -> {
            ps.setObject(1, n.id());
            ps.setLong(2, n.pupilId());
            ps.setString(3, n.parent().key());
            ps.setDate(4, Date.valueOf(s.date()));
            ps.setString(5, s.session().name());
            ps.setString(6, s.code());
        });
    }

    /** Writes what the transitions change: service, status, payment date, withdrawal, process. */
    void update(PenaltyNotice n) {
        var service = n.service();
        var withdrawal = n.withdrawal();
        jdbc.update("""
                update legal_penalty_notice set service_method = ?, served_on = ?, received_on = ?,
                  service_policy_version = ?, served_by = ?, status = ?, paid_on = ?, withdrawal_ground = ?,
                  withdrawal_reason = ?, withdrawn_by = ?, withdrawn_at = ?, process_instance_id = ?
                where id = ?""",
                service == null ? null : service.method().name(), service == null ? null : Date.valueOf(service.servedOn()),
                service == null ? null : Date.valueOf(service.receivedOn()), service == null ? null : service.policyVersion(),
                service == null ? null : service.servedBy(), n.status().name(),
                n.paidOn() == null ? null : Date.valueOf(n.paidOn()),
                withdrawal == null ? null : withdrawal.ground().name(), withdrawal == null ? null : withdrawal.reason(),
                withdrawal == null ? null : withdrawal.officer(),
                withdrawal == null ? null : Timestamp.from(withdrawal.at()), n.processInstanceId(), n.id());
        if (n.status() == PenaltyNoticeStatus.WITHDRAWN) {
            jdbc.update("update legal_notice_session set released = true where notice_id = ?", n.id());
        }
    }

    void addPayment(UUID noticeId, Payment payment) {
        jdbc.update("""
                insert into legal_payment (notice_id, amount, paid_on, reference, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?)""", noticeId, payment.amount(), Date.valueOf(payment.paidOn()),
                payment.reference(), payment.recordedBy(), Timestamp.from(payment.recordedAt()));
    }

    Optional<PenaltyNotice> find(UUID id) {
        return first(jdbc.query("select * from legal_penalty_notice where id = ?", PenaltyNoticeStore::row, id));
    }

    Optional<PenaltyNotice> findByNumber(String number) {
        return first(jdbc.query("select * from legal_penalty_notice where number = ?", PenaltyNoticeStore::row,
                number == null ? "" : number.strip().toUpperCase()));
    }

    /** The notice, locked until the transaction ends, so that two nodes recording payments take turns. */
    Optional<PenaltyNotice> lock(UUID id) {
        return first(jdbc.query("select * from legal_penalty_notice where id = ? for update", PenaltyNoticeStore::row, id));
    }

    /** The pupil's notices, newest first. */
    List<PenaltyNotice> ofPupil(long pupilId) {
        return complete(jdbc.query("select * from legal_penalty_notice where pupil_id = ? order by issued_on desc, number desc",
                PenaltyNoticeStore::row, pupilId));
    }

    List<PenaltyNotice> ofRequest(UUID requestId) {
        return complete(jdbc.query("select * from legal_penalty_notice where request_id = ? order by number",
                PenaltyNoticeStore::row, requestId));
    }

    /**
     * Notices of the LA matching the register's filter, newest first: issued from {@code from} to {@code to}, of
     * the given schools (null: every school of the LA). The caller has put the caller's scope in the filter.
     */
    List<PenaltyNotice> matching(String laCode, PenaltyNoticeStatus status, Collection<String> schoolUrns,
                                 LocalDate from, LocalDate to) {
        var sql = new StringBuilder("select * from legal_penalty_notice where la_code = ?");
        var args = new ArrayList<Object>(List.of(laCode));
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.name());
        }
        if (schoolUrns != null) {
            sql.append(" and school_urn = any(?)");
            args.add(schoolUrns.toArray(String[]::new));
        }
        if (from != null) {
            sql.append(" and issued_on >= ?");
            args.add(Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" and issued_on <= ?");
            args.add(Date.valueOf(to));
        }
        sql.append(" order by issued_on desc, number desc");
        return complete(jdbc.query(sql.toString(), PenaltyNoticeStore::row, args.toArray()));
    }

    /**
     * Notices to this parent for this child issued in the window that count toward the limit (all but withdrawn),
     * leaving out the given notice.
     */
    int countingNotices(long pupilId, String parentKey, LocalDate from, LocalDate to, UUID except) {
        Integer count = jdbc.queryForObject("""
                select count(*) from legal_penalty_notice where pupil_id = ? and parent_key = ? and status <> 'WITHDRAWN'
                  and issued_on between ? and ? and id <> ?""", Integer.class, pupilId, parentKey, Date.valueOf(from),
                Date.valueOf(to), except == null ? new UUID(0, 0) : except);
        return count == null ? 0 : count;
    }

    /** The sessions of the pupil in the period already tied to a live notice (to any parent). */
    Set<NoticeSession> sessionsInUse(long pupilId, LocalDate from, LocalDate to) {
        return new java.util.HashSet<>(jdbc.query("""
                select distinct mark_date, session, code from legal_notice_session
                where pupil_id = ? and not released and mark_date between ? and ?""",
                (rs, i) -> new NoticeSession(rs.getDate(1).toLocalDate(), Session.valueOf(rs.getString(2)), rs.getString(3)),
                pupilId, Date.valueOf(from), Date.valueOf(to)));
    }

    /** Each payment and session of the given notices, read in two queries. */
    private List<PenaltyNotice> complete(List<PenaltyNotice> notices) {
        if (notices.isEmpty()) {
            return notices;
        }
        var ids = notices.stream().map(PenaltyNotice::id).toArray(UUID[]::new);
        Map<UUID, List<Payment>> payments = paymentsOf(List.of(ids));
        Map<UUID, List<NoticeSession>> sessions = new HashMap<>();
        jdbc.query("select notice_id, mark_date, session, code from legal_notice_session where notice_id = any(?) "
                + "order by mark_date, session", rs -> {
            sessions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new NoticeSession(
                    rs.getDate(2).toLocalDate(), Session.valueOf(rs.getString(3)), rs.getString(4)));
        }, (Object) ids);
        return notices.stream().map(n -> withChildren(n, sessions.getOrDefault(n.id(), List.of()),
                payments.getOrDefault(n.id(), List.of()))).toList();
    }

    private Map<UUID, List<Payment>> paymentsOf(Collection<UUID> noticeIds) {
        Map<UUID, List<Payment>> payments = new HashMap<>();
        jdbc.query("select notice_id, amount, paid_on, reference, recorded_by, recorded_at from legal_payment "
                + "where notice_id = any(?) order by paid_on, id", rs -> {
            payments.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Payment(
                    rs.getBigDecimal(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5),
                    rs.getTimestamp(6).toInstant()));
        }, (Object) noticeIds.toArray(UUID[]::new));
        return payments;
    }

    private Optional<PenaltyNotice> first(List<PenaltyNotice> found) {
        return complete(found).stream().findFirst();
    }

    private static PenaltyNotice withChildren(PenaltyNotice n, List<NoticeSession> sessions, List<Payment> payments) {
        return new PenaltyNotice(n.id(), n.number(), n.requestId(), n.caseId(), n.pupilId(), n.upn(), n.schoolUrn(),
                n.laCode(), n.parent(), n.terms(), n.issuedOn(), n.issuedBy(), sessions, payments, n.createdAt(),
                n.service(), n.status(), n.paidOn(), n.withdrawal(), n.processInstanceId());
    }

    private static PenaltyNotice row(ResultSet rs, int i) throws SQLException {
        var parent = new NoticeParent(rs.getString("parent_name"), rs.getString("parent_address"),
                rs.getDate("parent_date_of_birth").toLocalDate(), rs.getString("parent_email"));
        BigDecimal reduced = rs.getBigDecimal("reduced_amount");
        var terms = new PenaltyTerms(rs.getInt("occasion"), reduced,
                reduced == null ? null : rs.getInt("reduced_within_days"), rs.getBigDecimal("full_amount"),
                rs.getInt("full_within_days"), rs.getInt("policy_version"));
        NoticeService service = rs.getString("service_method") == null ? null : new NoticeService(
                ServiceMethod.valueOf(rs.getString("service_method")), rs.getDate("served_on").toLocalDate(),
                rs.getDate("received_on").toLocalDate(), rs.getInt("service_policy_version"), rs.getString("served_by"));
        Withdrawal withdrawal = rs.getString("withdrawal_ground") == null ? null : new Withdrawal(
                WithdrawalGround.valueOf(rs.getString("withdrawal_ground")), rs.getString("withdrawal_reason"),
                rs.getString("withdrawn_by"), instant(rs.getTimestamp("withdrawn_at")));
        Date paidOn = rs.getDate("paid_on");
        return new PenaltyNotice(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("request_id", UUID.class), rs.getObject("case_id", UUID.class), rs.getLong("pupil_id"),
                rs.getString("upn"), rs.getString("school_urn"), rs.getString("la_code"), parent, terms,
                rs.getDate("issued_on").toLocalDate(), rs.getString("issued_by"), List.of(), List.of(),
                rs.getTimestamp("created_at").toInstant(), service, PenaltyNoticeStatus.valueOf(rs.getString("status")),
                paidOn == null ? null : paidOn.toLocalDate(), withdrawal, rs.getString("process_instance_id"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
