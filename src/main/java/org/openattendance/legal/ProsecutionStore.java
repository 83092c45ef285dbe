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

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The legal_prosecution table with its court dates, and the education supervision order considerations. */
@Component
class ProsecutionStore {

    private final JdbcTemplate jdbc;

    ProsecutionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Prosecution p) {
        jdbc.update("""
                insert into legal_prosecution (id, case_id, pupil_id, upn, school_urn, la_code, notice_id, parent_name,
                  parent_address, parent_date_of_birth, parent_key, status, officer, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", p.id(), p.caseId(), p.pupilId(), p.upn(),
                p.schoolUrn(), p.laCode(), p.noticeId(), p.parent().name(), p.parent().address(),
                p.parent().dateOfBirth() == null ? null : Date.valueOf(p.parent().dateOfBirth()), p.parent().key(),
                p.status().name(), p.officer(), Timestamp.from(p.createdAt()));
    }

    void update(Prosecution p) {
        var interview = p.interview();
        var outcome = p.outcome();
        jdbc.update("""
                update legal_prosecution set eso_consideration_id = ?, offence = ?, interview_on = ?, interview_by = ?,
                  interview_notes = ?, route = ?, court = ?, laid_on = ?, laid_by = ?, status = ?, outcome = ?,
                  fine_amount = ?, outcome_on = ?, outcome_by = ?, stopped_reason = ?, paid_withdraw_case = ?,
                  process_instance_id = ?
                where id = ?""", p.esoConsiderationId(), p.offence() == null ? null : p.offence().name(),
                interview == null ? null : Date.valueOf(interview.on()), interview == null ? null : interview.by(),
                interview == null ? null : interview.notes(), p.route() == null ? null : p.route().name(), p.court(),
                p.laidOn() == null ? null : Date.valueOf(p.laidOn()), p.laidBy(), p.status().name(),
                outcome == null ? null : outcome.outcome().name(), outcome == null ? null : outcome.fineAmount(),
                outcome == null ? null : Date.valueOf(outcome.on()), outcome == null ? null : outcome.by(),
                p.stoppedReason(), p.paidWithdrawCase(), p.processInstanceId(), p.id());
    }

    void addCourtDate(UUID prosecutionId, CourtDate date) {
        jdbc.update("""
                insert into legal_court_date (prosecution_id, hearing_on, kind, note, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?)""", prosecutionId, Date.valueOf(date.hearingOn()), date.kind().name(),
                date.note(), date.recordedBy(), Timestamp.from(date.recordedAt()));
    }

    void insert(EsoConsideration e) {
        jdbc.update("""
                insert into legal_eso_consideration (id, case_id, pupil_id, upn, la_code, considered_on, decision, reasons,
                  officer, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", e.id(), e.caseId(), e.pupilId(), e.upn(),
                e.laCode(), Date.valueOf(e.consideredOn()), e.decision().name(), e.reasons(), e.officer(),
                Timestamp.from(e.createdAt()));
    }

    Optional<EsoConsideration> findConsideration(UUID id) {
        return jdbc.query("select * from legal_eso_consideration where id = ?", ProsecutionStore::consideration, id)
                .stream().findFirst();
    }

    List<EsoConsideration> considerationsOf(long pupilId) {
        return jdbc.query("select * from legal_eso_consideration where pupil_id = ? order by considered_on desc, created_at desc",
                ProsecutionStore::consideration, pupilId);
    }

    Optional<Prosecution> find(UUID id) {
        return complete(jdbc.query("select * from legal_prosecution where id = ?", ProsecutionStore::row, id))
                .stream().findFirst();
    }

    Optional<Prosecution> lock(UUID id) {
        return complete(jdbc.query("select * from legal_prosecution where id = ? for update", ProsecutionStore::row, id))
                .stream().findFirst();
    }

    /** The prosecutions that followed a notice, not yet concluded or stopped. */
    List<Prosecution> openForNotice(UUID noticeId) {
        return complete(jdbc.query("select * from legal_prosecution where notice_id = ? and status in ('PREPARING', 'AT_COURT')",
                ProsecutionStore::row, noticeId));
    }

    List<Prosecution> ofPupil(long pupilId) {
        return complete(jdbc.query("select * from legal_prosecution where pupil_id = ? order by created_at desc",
                ProsecutionStore::row, pupilId));
    }

    private List<Prosecution> complete(List<Prosecution> prosecutions) {
        if (prosecutions.isEmpty()) {
            return prosecutions;
        }
        Map<UUID, List<CourtDate>> dates = new HashMap<>();
        jdbc.query("select prosecution_id, hearing_on, kind, note, recorded_by, recorded_at from legal_court_date "
                + "where prosecution_id = any(?) order by recorded_at, id", rs -> {
            dates.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new CourtDate(
                    rs.getDate(2).toLocalDate(), CourtDate.Kind.valueOf(rs.getString(3)), rs.getString(4),
                    rs.getString(5), rs.getTimestamp(6).toInstant()));
        }, (Object) prosecutions.stream().map(Prosecution::id).toArray(UUID[]::new));
        return prosecutions.stream().map(p -> new Prosecution(p.id(), p.caseId(), p.pupilId(), p.upn(), p.schoolUrn(),
                p.laCode(), p.noticeId(), p.parent(), p.officer(), p.createdAt(), dates.getOrDefault(p.id(), List.of()),
                p.esoConsiderationId(), p.offence(), p.interview(), p.route(), p.court(), p.laidOn(), p.laidBy(),
                p.status(), p.outcome(), p.stoppedReason(), p.paidWithdrawCase(), p.processInstanceId())).toList();
    }

    private static Prosecution row(ResultSet rs, int i) throws SQLException {
        Date dob = rs.getDate("parent_date_of_birth");
        Date interviewOn = rs.getDate("interview_on");
        String outcome = rs.getString("outcome");
        Date laidOn = rs.getDate("laid_on");
        return new Prosecution(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getLong("pupil_id"), rs.getString("upn"), rs.getString("school_urn"), rs.getString("la_code"),
                rs.getObject("notice_id", UUID.class), new NoticeParent(rs.getString("parent_name"),
                rs.getString("parent_address"), dob == null ? null : dob.toLocalDate(), null),
                rs.getString("officer"), rs.getTimestamp("created_at").toInstant(), List.of(),
                rs.getObject("eso_consideration_id", UUID.class),
                rs.getString("offence") == null ? null : Offence.valueOf(rs.getString("offence")),
                interviewOn == null ? null : new Prosecution.Interview(interviewOn.toLocalDate(),
                        rs.getString("interview_by"), rs.getString("interview_notes")),
                rs.getString("route") == null ? null : CourtRoute.valueOf(rs.getString("route")), rs.getString("court"),
                laidOn == null ? null : laidOn.toLocalDate(), rs.getString("laid_by"),
                ProsecutionStatus.valueOf(rs.getString("status")),
                outcome == null ? null : new Prosecution.Outcome(CourtOutcome.valueOf(outcome),
                        rs.getBigDecimal("fine_amount"), rs.getDate("outcome_on").toLocalDate(), rs.getString("outcome_by")),
                rs.getString("stopped_reason"), rs.getBoolean("paid_withdraw_case"), rs.getString("process_instance_id"));
    }

    private static EsoConsideration consideration(ResultSet rs, int i) throws SQLException {
        return new EsoConsideration(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getLong("pupil_id"), rs.getString("upn"), rs.getString("la_code"),
                rs.getDate("considered_on").toLocalDate(), EsoConsideration.Decision.valueOf(rs.getString("decision")),
                rs.getString("reasons"), rs.getString("officer"), rs.getTimestamp("created_at").toInstant());
    }
}
