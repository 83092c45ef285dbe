package org.openattendance.legal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openattendance.shared.Session;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The legal_penalty_request table with its parents, sessions and evidence. */
@Component
class PenaltyRequestStore {

    private final JdbcTemplate jdbc;

    PenaltyRequestStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PenaltyNoticeRequest r) {
        var holiday = r.holiday();
        jdbc.update("""
                insert into legal_penalty_request (id, case_id, pupil_id, upn, school_urn, la_code, route,
                  notice_to_improve_id, period_from, period_to, holiday_return_date, request_deadline, late,
                  deadline_policy_version, school_statement, status, requested_by, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.id(), r.caseId(), r.pupilId(), r.upn(), r.schoolUrn(), r.laCode(), r.route().name(),
                r.noticeToImproveId(), Date.valueOf(r.periodFrom()), Date.valueOf(r.periodTo()),
                holiday == null ? null : Date.valueOf(holiday.returnDate()),
                holiday == null ? null : Date.valueOf(holiday.deadline()), r.late(),
                holiday == null ? null : holiday.policyVersion(), r.schoolStatement(), r.status().name(),
                r.requestedBy(), Timestamp.from(r.requestedAt()));
        for (RequestParent p : r.parents()) {
            jdbc.update("""
                    insert into legal_penalty_request_parent (request_id, parent_name, address, date_of_birth, email,
                      parent_key) values (?, ?, ?, ?, ?, ?)""", r.id(), p.parent().name(), p.parent().address(),
                    Date.valueOf(p.parent().dateOfBirth()), p.parent().email(), p.parent().key());
        }
        jdbc.batchUpdate("insert into legal_penalty_request_session (request_id, mark_date, session, code) values (?, ?, ?, ?)",
                r.sessions(), 500, (ps, s) -> {
                    ps.setObject(1, r.id());
                    ps.setDate(2, Date.valueOf(s.date()));
                    ps.setString(3, s.session().name());
                    ps.setString(4, s.code());
                });
        for (EvidenceItem item : r.evidence()) {
            jdbc.update("insert into legal_penalty_request_evidence (request_id, kind, on_date, text) values (?, ?, ?, ?)",
                    r.id(), item.kind().name(), item.on() == null ? null : Date.valueOf(item.on()), item.text());
        }
    }

    void update(PenaltyNoticeRequest r) {
        var decision = r.decision();
        jdbc.update("""
                update legal_penalty_request set status = ?, information_requested = ?, information_supplied = ?,
                  decided_by = ?, decided_at = ?, decision_reasons = ?, process_instance_id = ?
                where id = ?""", r.status().name(), r.informationRequested(), r.informationSupplied(),
                decision == null ? null : decision.by(), decision == null ? null : Timestamp.from(decision.at()),
                decision == null ? null : decision.reasons(), r.processInstanceId(), r.id());
        for (RequestParent p : r.parents()) {
            if (p.outcome() != null) {
                jdbc.update("""
                        update legal_penalty_request_parent set outcome = ?, earlier_notices = ?, notice_id = ?
                        where request_id = ? and parent_key = ?""", p.outcome().name(), p.earlierNotices(),
                        p.noticeId(), r.id(), p.parent().key());
            }
        }
    }

    Optional<PenaltyNoticeRequest> find(UUID id) {
        return complete(jdbc.query("select * from legal_penalty_request where id = ?", PenaltyRequestStore::row, id))
                .stream().findFirst();
    }

    Optional<PenaltyNoticeRequest> lock(UUID id) {
        return complete(jdbc.query("select * from legal_penalty_request where id = ? for update",
                PenaltyRequestStore::row, id)).stream().findFirst();
    }

    /** The pupil's requests, newest first. */
    List<PenaltyNoticeRequest> ofPupil(long pupilId) {
        return complete(jdbc.query("select * from legal_penalty_request where pupil_id = ? order by requested_at desc",
                PenaltyRequestStore::row, pupilId));
    }

    /** Requests of the pupil not yet decided (submitted, or waiting for the school's information). */
    List<PenaltyNoticeRequest> openOfPupil(long pupilId) {
        return complete(jdbc.query("select * from legal_penalty_request where pupil_id = ? and status in "
                + "('SUBMITTED', 'MORE_INFORMATION_REQUESTED') order by requested_at desc", PenaltyRequestStore::row, pupilId));
    }

    private List<PenaltyNoticeRequest> complete(List<PenaltyNoticeRequest> requests) {
        if (requests.isEmpty()) {
            return requests;
        }
        Object ids = requests.stream().map(PenaltyNoticeRequest::id).toArray(UUID[]::new);
        Map<UUID, List<RequestParent>> parents = new HashMap<>();
        jdbc.query("select * from legal_penalty_request_parent where request_id = any(?) order by id", rs -> {
            String outcome = rs.getString("outcome");
            parents.computeIfAbsent(rs.getObject("request_id", UUID.class), k -> new ArrayList<>()).add(new RequestParent(
                    new NoticeParent(rs.getString("parent_name"), rs.getString("address"),
                            rs.getDate("date_of_birth").toLocalDate(), rs.getString("email")),
                    outcome == null ? null : RequestParent.Outcome.valueOf(outcome),
                    (Integer) rs.getObject("earlier_notices"), rs.getObject("notice_id", UUID.class)));
        }, ids);
        Map<UUID, List<NoticeSession>> sessions = new HashMap<>();
        jdbc.query("select request_id, mark_date, session, code from legal_penalty_request_session "
                + "where request_id = any(?) order by mark_date, session", rs -> {
            sessions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new NoticeSession(
                    rs.getDate(2).toLocalDate(), Session.valueOf(rs.getString(3)), rs.getString(4)));
        }, ids);
        Map<UUID, List<EvidenceItem>> evidence = new HashMap<>();
        jdbc.query("select request_id, kind, on_date, text from legal_penalty_request_evidence where request_id = any(?) "
                + "order by on_date nulls last, id", rs -> {
            Date on = rs.getDate(3);
            evidence.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new EvidenceItem(
                    EvidenceKind.valueOf(rs.getString(2)), on == null ? null : on.toLocalDate(), rs.getString(4)));
        }, ids);
        return requests.stream().map(r -> new PenaltyNoticeRequest(r.id(), r.caseId(), r.pupilId(), r.upn(),
                r.schoolUrn(), r.laCode(), r.route(), r.noticeToImproveId(), r.periodFrom(), r.periodTo(), r.holiday(),
                r.schoolStatement(), r.requestedBy(), r.requestedAt(), parents.getOrDefault(r.id(), List.of()),
                sessions.getOrDefault(r.id(), List.of()), evidence.getOrDefault(r.id(), List.of()), r.status(),
                r.informationRequested(), r.informationSupplied(), r.decision(), r.processInstanceId())).toList();
    }

    private static PenaltyNoticeRequest row(ResultSet rs, int i) throws SQLException {
        Date returnDate = rs.getDate("holiday_return_date");
        var holiday = returnDate == null ? null : new HolidayDeadline(returnDate.toLocalDate(),
                rs.getDate("request_deadline").toLocalDate(), rs.getBoolean("late"), rs.getInt("deadline_policy_version"));
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        var decision = decidedAt == null ? null : new PenaltyNoticeRequest.Decision(rs.getString("decided_by"),
                decidedAt.toInstant(), rs.getString("decision_reasons"));
        return new PenaltyNoticeRequest(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getLong("pupil_id"), rs.getString("upn"), rs.getString("school_urn"), rs.getString("la_code"),
                RequestRoute.valueOf(rs.getString("route")), rs.getObject("notice_to_improve_id", UUID.class),
                rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(), holiday,
                rs.getString("school_statement"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), List.of(), List.of(), List.of(),
                RequestStatus.valueOf(rs.getString("status")), rs.getString("information_requested"),
                rs.getString("information_supplied"), decision, rs.getString("process_instance_id"));
    }
}
