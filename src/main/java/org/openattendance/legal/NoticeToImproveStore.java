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

/** The legal_notice_to_improve table and its recipients. */
@Component
class NoticeToImproveStore {

    private final JdbcTemplate jdbc;

    NoticeToImproveStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(NoticeToImprove n) {
        var policy = n.sufficientImprovement();
        jdbc.update("""
                insert into legal_notice_to_improve (id, case_id, pupil_id, upn, school_urn, la_code, issued_by, officer,
                  issued_on, period_start, period_end, period_weeks, allowed_sessions, sufficient_improvement,
                  policy_key, policy_version, attendance_record, support_given, support_available, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                n.id(), n.caseId(), n.pupilId(), n.upn(), n.schoolUrn(), n.laCode(), n.issuedBy().name(), n.officer(),
                Date.valueOf(n.issuedOn()), Date.valueOf(n.period().start()), Date.valueOf(n.period().end()),
                n.period().schoolWeeks(), policy.allowedSessions(), policy.meaning(), policy.policyKey(),
                policy.policyVersion(), n.attendanceRecord(), n.supportGiven(), n.supportAvailable(), n.status().name(),
                Timestamp.from(n.createdAt()));
        for (NoticeParent parent : n.recipients()) {
            jdbc.update("insert into legal_notice_to_improve_parent (notice_id, parent_name, address, email) values (?, ?, ?, ?)",
                    n.id(), parent.name(), parent.address(), parent.email());
        }
    }

    void update(NoticeToImprove n) {
        var assessment = n.assessment();
        var decision = n.decision();
        jdbc.update("""
                update legal_notice_to_improve set status = ?, sessions_in_period = ?, qualifying_in_period = ?,
                  assessed_at = ?, next_step = ?, next_step_reason = ?, next_step_by = ?, next_step_at = ?,
                  process_instance_id = ?
                where id = ?""", n.status().name(), assessment == null ? null : assessment.possibleSessions(),
                assessment == null ? null : assessment.qualifyingSessions(),
                assessment == null ? null : Timestamp.from(assessment.at()),
                decision == null ? null : decision.step().name(), decision == null ? null : decision.reason(),
                decision == null ? null : decision.by(), decision == null ? null : Timestamp.from(decision.at()),
                n.processInstanceId(), n.id());
    }

    Optional<NoticeToImprove> find(UUID id) {
        return complete(jdbc.query("select * from legal_notice_to_improve where id = ?", NoticeToImproveStore::row, id))
                .stream().findFirst();
    }

    /** Locked until the transaction ends. */
    Optional<NoticeToImprove> lock(UUID id) {
        return complete(jdbc.query("select * from legal_notice_to_improve where id = ? for update",
                NoticeToImproveStore::row, id)).stream().findFirst();
    }

    /** The pupil's notices, newest first. */
    List<NoticeToImprove> ofPupil(long pupilId) {
        return complete(jdbc.query("select * from legal_notice_to_improve where pupil_id = ? order by issued_on desc, created_at desc",
                NoticeToImproveStore::row, pupilId));
    }

    private List<NoticeToImprove> complete(List<NoticeToImprove> notices) {
        if (notices.isEmpty()) {
            return notices;
        }
        Map<UUID, List<NoticeParent>> recipients = new HashMap<>();
        jdbc.query("select notice_id, parent_name, address, email from legal_notice_to_improve_parent "
                + "where notice_id = any(?) order by id", rs -> {
            recipients.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new NoticeParent(rs.getString(2), rs.getString(3), null, rs.getString(4)));
        }, (Object) notices.stream().map(NoticeToImprove::id).toArray(UUID[]::new));
        return notices.stream().map(n -> new NoticeToImprove(n.id(), n.caseId(), n.pupilId(), n.upn(), n.schoolUrn(),
                n.laCode(), n.issuedBy(), n.officer(), n.issuedOn(), n.period(), n.sufficientImprovement(),
                n.attendanceRecord(), n.supportGiven(), n.supportAvailable(), recipients.getOrDefault(n.id(), List.of()),
                n.createdAt(), n.status(), n.assessment(), n.decision(), n.processInstanceId())).toList();
    }

    private static NoticeToImprove row(ResultSet rs, int i) throws SQLException {
        Timestamp assessedAt = rs.getTimestamp("assessed_at");
        var assessment = assessedAt == null ? null : new NoticeToImprove.Assessment(rs.getInt("sessions_in_period"),
                rs.getInt("qualifying_in_period"), assessedAt.toInstant());
        String step = rs.getString("next_step");
        var decision = step == null ? null : new NoticeToImprove.Decision(NextStep.valueOf(step),
                rs.getString("next_step_reason"), rs.getString("next_step_by"), rs.getTimestamp("next_step_at").toInstant());
        return new NoticeToImprove(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getLong("pupil_id"), rs.getString("upn"), rs.getString("school_urn"), rs.getString("la_code"),
                Issuer.valueOf(rs.getString("issued_by")), rs.getString("officer"), rs.getDate("issued_on").toLocalDate(),
                new ImprovementPeriod(rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
                        rs.getInt("period_weeks")),
                new SufficientImprovement(rs.getInt("allowed_sessions"), rs.getString("sufficient_improvement"),
                        rs.getString("policy_key"), rs.getInt("policy_version")),
                rs.getString("attendance_record"), rs.getString("support_given"), rs.getString("support_available"),
                List.of(), rs.getTimestamp("created_at").toInstant(),
                NoticeToImproveStatus.valueOf(rs.getString("status")), assessment, decision,
                rs.getString("process_instance_id"));
    }
}
