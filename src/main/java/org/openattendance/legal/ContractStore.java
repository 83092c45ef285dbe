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

/** The legal_attendance_contract table and its reviews. */
@Component
class ContractStore {

    private final JdbcTemplate jdbc;

    ContractStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AttendanceContract c) {
        jdbc.update("""
                insert into legal_attendance_contract (id, case_id, pupil_id, upn, school_urn, la_code, offered_by, parties,
                  parent_commitments, provider_commitments, support_offered, starts_on, status, officer, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", c.id(), c.caseId(), c.pupilId(), c.upn(),
                c.schoolUrn(), c.laCode(), c.offeredBy().name(), c.parties(), c.parentCommitments(),
                c.providerCommitments(), c.supportOffered(), Date.valueOf(c.startsOn()), c.status().name(), c.officer(),
                Timestamp.from(c.createdAt()));
        for (ContractReview review : c.reviews()) {
            jdbc.update("insert into legal_contract_review (contract_id, review_on) values (?, ?)", c.id(),
                    Date.valueOf(review.reviewOn()));
        }
    }

    void update(AttendanceContract c) {
        jdbc.update("""
                update legal_attendance_contract set status = ?, outcome = ?, outcome_notes = ?, outcome_by = ?,
                  outcome_at = ? where id = ?""", c.status().name(), c.outcome() == null ? null : c.outcome().name(),
                c.outcomeNotes(), c.outcomeBy(), c.outcomeAt() == null ? null : Timestamp.from(c.outcomeAt()), c.id());
        for (ContractReview review : c.reviews()) {
            if (review.held()) {
                jdbc.update("""
                        update legal_contract_review set held_at = ?, notes = ?, held_by = ?
                        where contract_id = ? and review_on = ? and held_at is null""", Timestamp.from(review.heldAt()),
                        review.notes(), review.heldBy(), c.id(), Date.valueOf(review.reviewOn()));
            }
        }
    }

    Optional<AttendanceContract> find(UUID id) {
        return complete(jdbc.query("select * from legal_attendance_contract where id = ?", ContractStore::row, id))
                .stream().findFirst();
    }

    Optional<AttendanceContract> lock(UUID id) {
        return complete(jdbc.query("select * from legal_attendance_contract where id = ? for update", ContractStore::row, id))
                .stream().findFirst();
    }

    List<AttendanceContract> ofPupil(long pupilId) {
        return complete(jdbc.query("select * from legal_attendance_contract where pupil_id = ? order by starts_on desc",
                ContractStore::row, pupilId));
    }

    private List<AttendanceContract> complete(List<AttendanceContract> contracts) {
        if (contracts.isEmpty()) {
            return contracts;
        }
        Map<UUID, List<ContractReview>> reviews = new HashMap<>();
        jdbc.query("select contract_id, review_on, held_at, notes, held_by from legal_contract_review "
                + "where contract_id = any(?) order by review_on", rs -> {
            Timestamp held = rs.getTimestamp(3);
            reviews.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new ContractReview(
                    rs.getDate(2).toLocalDate(), held == null ? null : held.toInstant(), rs.getString(4), rs.getString(5)));
        }, (Object) contracts.stream().map(AttendanceContract::id).toArray(UUID[]::new));
        return contracts.stream().map(c -> new AttendanceContract(c.id(), c.caseId(), c.pupilId(), c.upn(),
                c.schoolUrn(), c.laCode(), c.offeredBy(), c.parties(), c.parentCommitments(), c.providerCommitments(),
                c.supportOffered(), c.startsOn(), c.officer(), c.createdAt(), reviews.getOrDefault(c.id(), List.of()),
                c.status(), c.outcome(), c.outcomeNotes(), c.outcomeBy(), c.outcomeAt())).toList();
    }

    private static AttendanceContract row(ResultSet rs, int i) throws SQLException {
        String outcome = rs.getString("outcome");
        Timestamp outcomeAt = rs.getTimestamp("outcome_at");
        return new AttendanceContract(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getLong("pupil_id"), rs.getString("upn"), rs.getString("school_urn"), rs.getString("la_code"),
                Issuer.valueOf(rs.getString("offered_by")), rs.getString("parties"), rs.getString("parent_commitments"),
                rs.getString("provider_commitments"), rs.getString("support_offered"),
                rs.getDate("starts_on").toLocalDate(), rs.getString("officer"), rs.getTimestamp("created_at").toInstant(),
                List.of(), ContractStatus.valueOf(rs.getString("status")),
                outcome == null ? null : ContractOutcome.valueOf(outcome), rs.getString("outcome_notes"),
                rs.getString("outcome_by"), outcomeAt == null ? null : outcomeAt.toInstant());
    }
}
