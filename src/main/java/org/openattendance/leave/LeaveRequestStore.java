package org.openattendance.leave;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openattendance.register.SessionSlot;
import org.openattendance.shared.Session;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The leave_request and leave_evidence tables. Public for the process steps in {@code leave.steps}; other modules go
 * through {@link LeaveRequests}.
 */
@Component
public class LeaveRequestStore {

    record Evidence(long id, String fileName, String contentType, int sizeBytes) {
    }

    record EvidenceFile(String fileName, String contentType, byte[] content) {

        /** The file as a download, under its own name and type. */
        ResponseEntity<byte[]> asAttachment() {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                    .body(content);
        }
    }

    private final JdbcTemplate jdbc;

    LeaveRequestStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(LeaveRequest r) {
        jdbc.update("""
                insert into leave_request (id, pupil_id, upn, school_urn, from_date, from_session, to_date, to_session,
                  reason, details, parents_travelling, requested_by, requested_by_parent, channel, entered_by, status,
                  created_at, submitted_at, after_the_fact)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.id(), r.pupilId(), r.upn(), r.schoolUrn(), Date.valueOf(r.fromDate()), r.fromSession().name(),
                Date.valueOf(r.toDate()), r.toSession().name(), r.reason().name(), r.details(), r.parentsTravelling(),
                r.requestedBy(), r.requestedByParent(), r.channel(), r.enteredBy(), r.status().name(),
                Timestamp.from(r.createdAt()), r.submittedAt() == null ? null : Timestamp.from(r.submittedAt()),
                r.afterTheFact());
    }

    void addEvidence(UUID requestId, EvidenceFile file, Instant at) {
        jdbc.update("""
                insert into leave_evidence (request_id, file_name, content_type, size_bytes, content, uploaded_at)
                values (?, ?, ?, ?, ?, ?)""", requestId, file.fileName(), file.contentType(), file.content().length,
                file.content(), Timestamp.from(at));
    }

    List<Evidence> evidenceOf(UUID requestId) {
        return jdbc.query("select id, file_name, content_type, size_bytes from leave_evidence where request_id = ? order by id",
                (rs, i) -> new Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)), requestId);
    }

    Optional<EvidenceFile> evidenceFile(UUID requestId, long evidenceId) {
        return jdbc.query("select file_name, content_type, content from leave_evidence where request_id = ? and id = ?",
                (rs, i) -> new EvidenceFile(rs.getString(1), rs.getString(2), rs.getBytes(3)), requestId, evidenceId)
                .stream().findFirst();
    }

    public Optional<LeaveRequest> find(UUID id) {
        return jdbc.query("select * from leave_request where id = ?", LeaveRequestStore::row, id).stream().findFirst();
    }

    /** Whether the school has any request at all, confirmed or not. */
    boolean anyAtSchool(String schoolUrn) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from leave_request where school_urn = ?)", Boolean.class, schoolUrn));
    }

    /** The pupil's requests that count (confirmed), newest leave first. */
    List<LeaveRequest> ofPupil(long pupilId) {
        return jdbc.query("select * from leave_request where pupil_id = ? and status <> 'UNCONFIRMED' "
                + "order by from_date desc, created_at desc", LeaveRequestStore::row, pupilId);
    }

    /** Moves the request on only from one of the given statuses; false when it was elsewhere (e.g. decided). */
    boolean changeStatus(UUID id, LeaveStatus to, LeaveStatus... from) {
        String[] names = java.util.Arrays.stream(from).map(Enum::name).toArray(String[]::new);
        return jdbc.update("update leave_request set status = ? where id = ? and status = any(?)", to.name(), id,
                (Object) names) == 1;
    }

    /** Removes requests nobody confirmed (with their evidence and links) made before the given time. */
    int purgeUnconfirmedBefore(Instant before) {
        Timestamp at = Timestamp.from(before);
        String stale = "(select id from leave_request where status = 'UNCONFIRMED' and created_at < ?)";
        jdbc.update("delete from leave_link where request_id in " + stale, at);
        jdbc.update("delete from leave_evidence where request_id in " + stale, at);
        return jdbc.update("delete from leave_request where status = 'UNCONFIRMED' and created_at < ?", at);
    }

    void submitted(UUID id, Instant at, boolean afterTheFact) {
        jdbc.update("update leave_request set status = 'SUBMITTED', submitted_at = ?, after_the_fact = ? where id = ?",
                Timestamp.from(at), afterTheFact, id);
    }

    void linkProcess(UUID id, String processInstanceId) {
        jdbc.update("update leave_request set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    public void checked(UUID id, String notes, String by) {
        jdbc.update("update leave_request set status = 'CHECKED', check_notes = ?, checked_by = ? "
                + "where id = ? and status = 'SUBMITTED'", notes, by, id);
    }

    public void screened(UUID id, String advice, String decisionKey, int decisionVersion) {
        jdbc.update("update leave_request set screen_advice = ?, screen_decision_key = ?, screen_decision_version = ? "
                + "where id = ?", advice, decisionKey, decisionVersion, id);
    }

    public void decided(UUID id, LeaveStatus status, String reasons, String by, String role, Instant at, String code,
                        SessionSlot grantedFrom, SessionSlot grantedTo) {
        jdbc.update("""
                update leave_request set status = ?, decision_reasons = ?, decided_by = ?, decided_role = ?, decided_at = ?,
                  granted_code = ?, granted_from_date = ?, granted_from_session = ?, granted_to_date = ?,
                  granted_to_session = ? where id = ?""", status.name(), reasons, by,
                role, Timestamp.from(at), code, grantedFrom == null ? null : Date.valueOf(grantedFrom.date()),
                grantedFrom == null ? null : grantedFrom.session().name(),
                grantedTo == null ? null : Date.valueOf(grantedTo.date()),
                grantedTo == null ? null : grantedTo.session().name(), id);
    }

    void withdrawn(UUID id, String by, Instant at) {
        jdbc.update("update leave_request set withdrawn_by = ?, withdrawn_at = ? where id = ?", by, Timestamp.from(at), id);
    }

    public void recoded(UUID id, int sessions) {
        jdbc.update("update leave_request set status = 'TAKEN_UNAUTHORISED', recoded_sessions = ? where id = ?", sessions, id);
    }

    private static Session session(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Session.valueOf(value);
    }

    private static LeaveRequest row(ResultSet rs, int i) throws SQLException {
        return new LeaveRequest(rs.getObject("id", UUID.class), rs.getLong("pupil_id"), rs.getString("upn"),
                rs.getString("school_urn"), rs.getDate("from_date").toLocalDate(), Session.valueOf(rs.getString("from_session")),
                rs.getDate("to_date").toLocalDate(), Session.valueOf(rs.getString("to_session")),
                LeaveReason.valueOf(rs.getString("reason")), rs.getString("details"), rs.getString("parents_travelling"),
                rs.getString("requested_by"), (Long) rs.getObject("requested_by_parent"), rs.getString("channel"),
                rs.getString("entered_by"), LeaveStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
                instant(rs, "submitted_at"), rs.getBoolean("after_the_fact"), rs.getString("check_notes"),
                rs.getString("checked_by"), rs.getString("screen_advice"), rs.getString("screen_decision_key"),
                (Integer) rs.getObject("screen_decision_version"), rs.getString("decision_reasons"),
                rs.getString("decided_by"), rs.getString("decided_role"), instant(rs, "decided_at"), rs.getString("granted_code"),
                date(rs, "granted_from_date"), session(rs, "granted_from_session"), date(rs, "granted_to_date"),
                session(rs, "granted_to_session"), instant(rs, "withdrawn_at"),
                rs.getString("withdrawn_by"), (Integer) rs.getObject("recoded_sessions"),
                rs.getString("process_instance_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
