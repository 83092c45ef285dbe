package org.openattendance.security;

import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who read or changed which record, and when; what was refused, and to whom. Every read of a pupil's record names
 * the pupil ({@code pupil_upn}), so an administrator can list everyone who looked at a child (see {@link AuditSearch}).
 */
@Component
public class AuditTrail {

    public enum Action {
        READ_PUPIL, CHANGE_REGISTER, CHANGE_PUPILS, CHANGE_SCHOOL, CHANGE_USERS,
        /** A school's pages or lists (not one pupil's record). */
        READ_SCHOOL,
        /** Something only administrators may do. */
        ADMINISTER,
        /** A page or API path the user's roles do not open. */
        OPEN_PAGE,
        /** Camunda's engine REST API or its webapps' API: a read, or anything else. */
        READ_ENGINE, CHANGE_ENGINE,
        SIGN_IN_FAILED, SIGN_IN_PAUSED, SIGN_IN_UNLOCKED,
        /** A session ended because the user's access changed or the session reached its absolute lifetime. */
        SESSION_ENDED
    }

    public enum Outcome { ALLOWED, REFUSED }

    /** Subjects whose id is a pupil's UPN: such events are found when searching by pupil. */
    private static final Set<String> PUPIL_SUBJECTS = Set.of("pupil", "case", "leave-request");
    static final String NOT_SIGNED_IN = "(not signed in)";
    static final String UNKNOWN_ACCOUNT = "(no such account)";

    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an action of the signed-in user; joins the caller's transaction so a failed change leaves no trace. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Action action, String subjectType, String subjectId, String detail) {
        StaffUser user = SignedIn.user();
        String upn = PUPIL_SUBJECTS.contains(subjectType) ? subjectId : null;
        insert(user.username(), user.rolesText(), action, Outcome.ALLOWED, subjectType, subjectId, upn, detail);
    }

    /**
     * Records a read of one pupil's record by the signed-in user, whatever the page or API showed it (a task, a
     * leave request, a letter): {@code subjectType} and {@code subjectId} name what was read, {@code upn} whose.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void readPupil(String upn, String subjectType, String subjectId, String detail) {
        StaffUser user = SignedIn.user();
        insert(user.username(), user.rolesText(), Action.READ_PUPIL, Outcome.ALLOWED, subjectType, subjectId, upn, detail);
    }

    /** Records an action of the signed-in user that concerns one pupil without reading their record. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAbout(Action action, String upn, String subjectType, String subjectId, String detail) {
        StaffUser user = SignedIn.user();
        insert(user.username(), user.rolesText(), action, Outcome.ALLOWED, subjectType, subjectId, upn, detail);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void recordFor(String username, String roles, Action action, String subjectType, String subjectId, String detail) {
        insert(username, roles, action, Outcome.ALLOWED, subjectType, subjectId,
                PUPIL_SUBJECTS.contains(subjectType) ? subjectId : null, detail);
    }

    /**
     * Records something the signed-in user was refused (a pupil or school outside their scope, an admin page). In a
     * transaction of its own: the refusal rolls back the caller's, and the entry must stay.
     *
     * @param upn the pupil the attempt was about, or null
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(Action attempted, String subjectType, String subjectId, String upn, String detail) {
        StaffUser user = SignedIn.userOrNull();
        insert(user == null ? NOT_SIGNED_IN : user.username(), user == null ? "" : user.rolesText(), attempted,
                Outcome.REFUSED, subjectType, subjectId, upn, detail);
    }

    /** A wrong password (or a disabled account). The username typed is kept only if such an account exists: people
     * type their password into the username box. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void signInFailed(String typedUsername, String address, boolean accountNowPaused, boolean addressNowPaused) {
        String account = accountName(typedUsername);
        insertFrom(address, account, "", Action.SIGN_IN_FAILED, Outcome.REFUSED, "user", account, null,
                "wrong username or password");
        if (accountNowPaused) {
            insertFrom(address, account, "", Action.SIGN_IN_PAUSED, Outcome.REFUSED, "user", account, null,
                    "too many failed sign-ins for this account: sign-ins paused");
        }
        if (addressNowPaused) {
            insertFrom(address, account, "", Action.SIGN_IN_PAUSED, Outcome.REFUSED, "address", address, null,
                    "too many failed sign-ins from this address: sign-ins paused");
        }
    }

    /** A call of the signed-in administrator to Camunda's engine REST API or webapps' API. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void engineCall(Action action, String path, String upn, String detail) {
        StaffUser user = SignedIn.user();
        insert(user.username(), user.rolesText(), action, Outcome.ALLOWED, "engine", path, upn, detail);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sessionEnded(String username, String roles, String why) {
        insert(username, roles, Action.SESSION_ENDED, Outcome.REFUSED, "user", username, null, why);
    }

    private String accountName(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 100) {
            return UNKNOWN_ACCOUNT;
        }
        Integer found = jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, typed.strip());
        return found != null && found > 0 ? typed.strip() : UNKNOWN_ACCOUNT;
    }

    private void insert(String username, String roles, Action action, Outcome outcome, String subjectType,
                        String subjectId, String upn, String detail) {
        insertFrom(ClientAddress.ofCurrentRequest(), username, roles, action, outcome, subjectType, subjectId, upn, detail);
    }

    private void insertFrom(String address, String username, String roles, Action action, Outcome outcome,
                            String subjectType, String subjectId, String upn, String detail) {
        jdbc.update("""
                insert into audit_event (username, roles, action, outcome, subject_type, subject_id, pupil_upn, detail,
                                         client_address)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                username, roles, action.name(), outcome.name(), subjectType, cut(subjectId, 100), pupilUpn(upn),
                cut(detail, 2000), cut(address, 45));
    }

    /** Only a well-formed UPN names a pupil; anything else someone typed stays in subject_id alone. */
    private static String pupilUpn(String upn) {
        if (upn == null) {
            return null;
        }
        String normalised = upn.strip().toUpperCase();
        return normalised.matches("[A-Z][0-9]{11}[0-9A-Z]") ? normalised : null;
    }

    private static String cut(String text, int length) {
        return text == null ? null : text.substring(0, Math.min(text.length(), length));
    }
}
