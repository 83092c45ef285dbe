package org.openattendance.leave;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.openattendance.shared.Session;

/** One request for leave of absence, as stored. */
record LeaveRequest(UUID id, long pupilId, String upn, String schoolUrn, LocalDate fromDate, Session fromSession,
                    LocalDate toDate, Session toSession, LeaveReason reason, String details, String parentsTravelling,
                    String requestedBy, Long requestedByParent, String channel, String enteredBy, LeaveStatus status,
                    Instant createdAt, Instant submittedAt, boolean afterTheFact, String checkNotes, String checkedBy,
                    String screenAdvice, String screenDecisionKey, Integer screenDecisionVersion,
                    String decisionReasons, String decidedBy, String decidedRole, Instant decidedAt, String grantedCode,
                    LocalDate grantedFrom, Session grantedFromSession, LocalDate grantedTo, Session grantedToSession,
                    Instant withdrawnAt, String withdrawnBy,
                    Integer recodedSessions, String processInstanceId) {
}
