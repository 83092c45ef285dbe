package org.openattendance.leave;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.Session;
import org.openattendance.shared.web.ApiError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Leave requests for school staff (and anyone else in scope to read them). */
@RestController
class LeaveApi {

    record SessionBody(LocalDate date, Session session) {

        static SessionBody of(LocalDate date, Session session) {
            return date == null ? null : new SessionBody(date, session);
        }
    }

    /** The reason screen's advice and the version of the decision table that gave it. */
    record ScreenBody(String advice, String decisionKey, Integer decisionVersion) {
    }

    /** The headteacher's decision; the granted ends are null when nothing was granted. */
    record DecisionBody(String by, Instant at, String reasons, String code, SessionBody grantedFrom,
                        SessionBody grantedTo) {
    }

    /** A request as listed: what was asked, by whom, the screen's advice and the decision. */
    record LeaveBody(UUID id, String upn, String schoolUrn, LeaveStatus status, SessionBody from, SessionBody to,
                     LeaveReason reason, String details, String parentsTravelling, String requestedBy, String channel,
                     Instant submittedAt, boolean afterTheFact, ScreenBody screen, DecisionBody decision,
                     Integer recodedSessions, Instant withdrawnAt) {

        static LeaveBody of(LeaveRequest r) {
            return new LeaveBody(r.id(), r.upn(), r.schoolUrn(), r.status(), SessionBody.of(r.fromDate(), r.fromSession()),
                    SessionBody.of(r.toDate(), r.toSession()), r.reason(), r.details(), r.parentsTravelling(),
                    r.requestedBy(), r.channel(), r.submittedAt(), r.afterTheFact(),
                    r.screenAdvice() == null ? null
                            : new ScreenBody(r.screenAdvice(), r.screenDecisionKey(), r.screenDecisionVersion()),
                    r.decidedAt() == null ? null : new DecisionBody(r.decidedBy(), r.decidedAt(), r.decisionReasons(),
                            r.grantedCode(), SessionBody.of(r.grantedFrom(), r.grantedFromSession()),
                            SessionBody.of(r.grantedTo(), r.grantedToSession())),
                    r.recodedSessions(), r.withdrawnAt());
        }
    }

    /** One request read on its own: as listed, and the school sessions it covers, the check and the evidence. */
    record LeaveDetailBody(@JsonUnwrapped LeaveBody request, int schoolSessions, List<LocalDate> weekdaysOutOfTerm,
                           String checkNotes, String checkedBy, List<LeaveRequestStore.Evidence> evidence) {
    }

    record StatusBody(UUID id, LeaveStatus status) {
    }

    record Point(String date, String session) {
    }

    /** {@code requestedBy}: the parent who asked on paper (default: the first parent the pupil lives with). */
    record Body(String upn, Point from, Point to, String reason, String details,
                @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> parentsTravelling,
                String requestedBy) {

        NewLeaveRequest asked() {
            return new NewLeaveRequest(from == null ? null : from.date(), from == null ? null : from.session(),
                    to == null ? null : to.date(), to == null ? null : to.session(), reason, details, parentsTravelling);
        }
    }

    private final LeaveRequests requests;
    private final AccessPolicy access;
    private final AuditTrail audit;

    LeaveApi(LeaveRequests requests, AccessPolicy access, AuditTrail audit) {
        this.requests = requests;
        this.access = access;
        this.audit = audit;
    }

    @PostMapping("/api/leave-requests")
    ResponseEntity<StatusBody> create(@RequestBody Body body) {
        if (body.upn() == null || body.upn().isBlank()) {
            throw new org.openattendance.shared.InvalidInputException("The leave request has 1 problem(s)",
                    List.of(new org.openattendance.shared.InvalidInputException.Problem("upn", "is required")));
        }
        LeaveRequest made = requests.enterForPupil(access.currentUser(), body.upn(), body.asked(), body.requestedBy(),
                List.of(), "API");
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/leave-requests/" + made.id())
                .body(new StatusBody(made.id(), made.status()));
    }

    @GetMapping("/api/leave-requests/{id}")
    LeaveDetailBody read(@PathVariable String id) {
        LeaveRequest request = requests.visible(LeaveRequests.requestId(id));
        audit.record(AuditTrail.Action.READ_PUPIL, "leave-request", request.upn(), "leave request " + request.id());
        return new LeaveDetailBody(LeaveBody.of(request), requests.requestedSessions(request).size(),
                requests.weekdaysOutOfTerm(request), request.checkNotes(), request.checkedBy(), requests.evidence(request));
    }

    @GetMapping("/api/pupils/{upn}/leave-requests")
    List<LeaveBody> ofPupil(@PathVariable String upn) {
        var found = requests.ofPupil(upn);
        audit.record(AuditTrail.Action.READ_PUPIL, "leave-request", upn.trim().toUpperCase(), "leave requests");
        return found.stream().map(LeaveBody::of).toList();
    }

    @PostMapping("/api/leave-requests/{id}/withdraw")
    StatusBody withdraw(@PathVariable String id) {
        LeaveRequest withdrawn = requests.withdrawByStaff(access.currentUser(), LeaveRequests.requestId(id));
        return new StatusBody(withdrawn.id(), withdrawn.status());
    }

    @GetMapping("/api/leave-requests/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable String id, @PathVariable long evidenceId) {
        return requests.visibleEvidence(LeaveRequests.requestId(id), evidenceId).asAttachment();
    }

    @ExceptionHandler(LeaveRequests.NotWithdrawableException.class)
    ResponseEntity<ApiError> notWithdrawable(LeaveRequests.NotWithdrawableException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(HttpStatus.CONFLICT.value(), e.getMessage()));
    }
}
