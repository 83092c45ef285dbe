package org.openattendance.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Who read or changed which record, and when. */
@Component
public class AuditTrail {

    public enum Action { READ_PUPIL, CHANGE_REGISTER, CHANGE_PUPILS, CHANGE_SCHOOL, CHANGE_USERS }

    private final JdbcTemplate jdbc;
    private final AccessPolicy access;

    AuditTrail(JdbcTemplate jdbc, AccessPolicy access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** Records an action of the signed-in user; joins the caller's transaction so a failed change leaves no trace. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Action action, String subjectType, String subjectId, String detail) {
        StaffUser user = access.currentUser();
        recordFor(user.username(), user.rolesText(), action, subjectType, subjectId, detail);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void recordFor(String username, String roles, Action action, String subjectType, String subjectId, String detail) {
        jdbc.update("insert into audit_event (username, roles, action, subject_type, subject_id, detail) values (?, ?, ?, ?, ?, ?)",
                username, roles, action.name(), subjectType, subjectId,
                detail == null ? null : detail.substring(0, Math.min(detail.length(), 2000)));
    }
}
