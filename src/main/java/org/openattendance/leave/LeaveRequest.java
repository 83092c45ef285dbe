package org.openattendance.leave;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.openattendance.register.SessionSlot;
import org.openattendance.shared.Session;

/** One request for leave of absence, as stored. */
public record LeaveRequest(UUID id, long pupilId, String upn, String schoolUrn, LocalDate fromDate, Session fromSession,
                    LocalDate toDate, Session toSession, LeaveReason reason, String details, String parentsTravelling,
                    String requestedBy, Long requestedByParent, String channel, String enteredBy, LeaveStatus status,
                    Instant createdAt, Instant submittedAt, boolean afterTheFact, String checkNotes, String checkedBy,
                    String screenAdvice, String screenDecisionKey, Integer screenDecisionVersion,
                    String decisionReasons, String decidedBy, String decidedRole, Instant decidedAt, String grantedCode,
                    LocalDate grantedFrom, Session grantedFromSession, LocalDate grantedTo, Session grantedToSession,
                    Instant withdrawnAt, String withdrawnBy,
                    Integer recodedSessions, String processInstanceId) {

    /** The same request with the headteacher's grant (null ends when nothing is granted), before it is stored. */
    public LeaveRequest withGrant(SessionSlot from, SessionSlot to) {
        return new LeaveRequest(id, pupilId, upn, schoolUrn, fromDate, fromSession, toDate, toSession, reason, details,
                parentsTravelling, requestedBy, requestedByParent, channel, enteredBy, status, createdAt, submittedAt,
                afterTheFact, checkNotes, checkedBy, screenAdvice, screenDecisionKey, screenDecisionVersion,
                decisionReasons, decidedBy, decidedRole, decidedAt, grantedCode, from == null ? null : from.date(),
                from == null ? null : from.session(), to == null ? null : to.date(), to == null ? null : to.session(),
                withdrawnAt, withdrawnBy, recodedSessions, processInstanceId);
    }
}
