package org.openattendance.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The attendance_case and case_event tables. */
@Component
public class CaseStore {

    public record CaseRecord(UUID id, long pupilId, String upn, String academicYear, String schoolUrn, String laCode,
                             Stage stage, String status, Priority priority, String processInstanceId,
                             Instant openedAt, Instant closedAt, String closedReason) {
        public String businessKey() {
            return upn + "-" + academicYear;
        }
    }

    public record CaseEvent(long id, Instant at, CaseEventKind kind, String name, String detail, String actor,
                            String decisionKey, Integer decisionVersion) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Opens the pupil's case for the year unless it exists. Answers the new case's id, or empty when another
     * transaction (on this node or another) opened it first: the unique constraint decides, and a concurrent
     * insert waits here until the other transaction commits or rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> openIfAbsent(long pupilId, String upn, String academicYear, String schoolUrn, String laCode,
                                       Stage stage) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update("insert into attendance_case (id, pupil_id, upn, academic_year, school_urn, la_code, "
                        + "stage, opened_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (pupil_id, academic_year) do nothing",
                id, pupilId, upn, academicYear, schoolUrn, laCode, stage.name(), Timestamp.from(clock.instant()));
        if (inserted == 1) {
            enteredStage(id, stage);
        }
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /**
     * Records that the case received this signal; false if it had already (a redelivered event publication), in
     * which case the caller does nothing. In the caller's transaction, so a failed handling records nothing.
     */
    public boolean firstReceipt(UUID caseId, String signalKey) {
        return jdbc.update("insert into case_signal_received (case_id, signal_key) values (?, ?) on conflict do nothing",
                caseId, cut(signalKey, 200)) == 1;
    }

    public void linkProcess(UUID caseId, String processInstanceId) {
        jdbc.update("update attendance_case set process_instance_id = ? where id = ?", processInstanceId, caseId);
    }

    public Optional<CaseRecord> find(long pupilId, String academicYear) {
        return jdbc.query(SELECT + " where pupil_id = ? and academic_year = ?", CaseStore::row, pupilId, academicYear)
                .stream().findFirst();
    }

    public Optional<CaseRecord> find(UUID caseId) {
        return jdbc.query(SELECT + " where id = ?", CaseStore::row, caseId).stream().findFirst();
    }

    /** The pupil's most recent case (the current academic year's, if any). */
    public Optional<CaseRecord> latestFor(String upn) {
        return jdbc.query(SELECT + " where upn = ? order by academic_year desc limit 1", CaseStore::row, upn)
                .stream().findFirst();
    }

    /** A closed case for this year is opened again when a new concern arrives. */
    public void reopen(UUID caseId, Stage stage) {
        jdbc.update("update attendance_case set status = 'OPEN', stage = ?, closed_at = null, closed_reason = null "
                + "where id = ?", stage.name(), caseId);
        enteredStage(caseId, stage);
    }

    /** The cases of the given process instances, by process instance id. */
    public Map<String, CaseRecord> byProcessInstances(Collection<String> processInstanceIds) {
        var found = new HashMap<String, CaseRecord>();
        if (!processInstanceIds.isEmpty()) {
            jdbc.query(SELECT + " where process_instance_id = any(?)", CaseStore::row,
                    (Object) processInstanceIds.toArray(String[]::new)).forEach(r -> found.put(r.processInstanceId(), r));
        }
        return found;
    }

    public void changeStage(UUID caseId, Stage stage) {
        jdbc.update("update attendance_case set stage = ? where id = ?", stage.name(), caseId);
        enteredStage(caseId, stage);
    }

    /** The stage history (case_stage_history) that the time spent in each stage is measured from. */
    private void enteredStage(UUID caseId, Stage stage) {
        jdbc.update("insert into case_stage_history (case_id, stage, entered_at) values (?, ?, ?)", caseId, stage.name(),
                Timestamp.from(clock.instant()));
    }

    /**
     * The submission (JSON) of the latest completion of a task by this name on any case of the school, or empty: the
     * school's own answers, offered again the next time (the contact named in its letters).
     */
    public Optional<String> latestCompletionAtSchool(String schoolUrn, String taskName) {
        return jdbc.queryForList("select e.detail from case_event e join attendance_case c on c.id = e.case_id "
                        + "where c.school_urn = ? and e.kind = 'TASK' and e.name = ? and e.detail is not null "
                        + "order by e.at desc, e.id desc limit 1", String.class, schoolUrn, "Completed: " + taskName)
                .stream().findFirst();
    }

    /** One entry of a case's stage history. */
    public record StageEntry(Stage stage, Instant enteredAt) {
    }

    /** The stages the case entered, in order. */
    public List<StageEntry> stageHistory(UUID caseId) {
        return jdbc.query("select stage, entered_at from case_stage_history where case_id = ? order by entered_at, id",
                (rs, i) -> new StageEntry(Stage.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant()), caseId);
    }

    public void changePriority(UUID caseId, Priority priority) {
        jdbc.update("update attendance_case set priority = ? where id = ?", priority.name(), caseId);
    }

    public void close(UUID caseId, String reason) {
        jdbc.update("update attendance_case set status = 'CLOSED', stage = 'CLOSED', closed_at = ?, closed_reason = ? "
                + "where id = ?", Timestamp.from(clock.instant()), reason, caseId);
        enteredStage(caseId, Stage.CLOSED);
    }

    public void addEvent(UUID caseId, CaseEventKind kind, String name, String detail, String actor) {
        addDecision(caseId, kind, name, detail, actor, null, null);
    }

    public void addDecision(UUID caseId, CaseEventKind kind, String name, String detail, String actor,
                            String decisionKey, Integer decisionVersion) {
        jdbc.update("insert into case_event (case_id, at, kind, name, detail, actor, decision_key, decision_version) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", caseId, Timestamp.from(clock.instant()), kind.name(),
                cut(name, 200), detail, cut(actor, 100), decisionKey, decisionVersion);
    }

    public List<CaseEvent> timeline(UUID caseId) {
        return jdbc.query("select id, at, kind, name, detail, actor, decision_key, decision_version from case_event "
                + "where case_id = ? order by at, id", (rs, i) -> new CaseEvent(rs.getLong(1),
                rs.getTimestamp(2).toInstant(), CaseEventKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), (Integer) rs.getObject(8)), caseId);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static final String SELECT = "select id, pupil_id, upn, academic_year, school_urn, la_code, stage, status, "
            + "priority, process_instance_id, opened_at, closed_at, closed_reason from attendance_case";

    private static CaseRecord row(ResultSet rs, int i) throws SQLException {
        Timestamp closed = rs.getTimestamp(12);
        return new CaseRecord(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), Stage.valueOf(rs.getString(7)), rs.getString(8),
                Priority.valueOf(rs.getString(9)), rs.getString(10), rs.getTimestamp(11).toInstant(),
                closed == null ? null : closed.toInstant(), rs.getString(13));
    }
}
