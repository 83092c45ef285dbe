package org.openattendance.leave;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
    ResponseEntity<Map<String, Object>> create(@RequestBody Body body) {
        if (body.upn() == null || body.upn().isBlank()) {
            throw new org.openattendance.shared.InvalidInputException("The leave request has 1 problem(s)",
                    List.of(new org.openattendance.shared.InvalidInputException.Problem("upn", "is required")));
        }
        LeaveRequest made = requests.enterForPupil(access.currentUser(), body.upn(), body.asked(), body.requestedBy(),
                List.of(), "API");
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/leave-requests/" + made.id())
                .body(Map.of("id", made.id(), "status", made.status()));
    }

    @GetMapping("/api/leave-requests/{id}")
    Map<String, Object> read(@PathVariable String id) {
        LeaveRequest request = requests.visible(uuid(id));
        audit.record(AuditTrail.Action.READ_PUPIL, "leave-request", request.upn(), "leave request " + request.id());
        return describe(request, true);
    }

    @GetMapping("/api/pupils/{upn}/leave-requests")
    List<Map<String, Object>> ofPupil(@PathVariable String upn) {
        var found = requests.ofPupil(upn);
        audit.record(AuditTrail.Action.READ_PUPIL, "leave-request", upn.trim().toUpperCase(), "leave requests");
        return found.stream().map(r -> describe(r, false)).toList();
    }

    @PostMapping("/api/leave-requests/{id}/withdraw")
    Map<String, Object> withdraw(@PathVariable String id) {
        LeaveRequest withdrawn = requests.withdrawByStaff(access.currentUser(), uuid(id));
        return Map.of("id", withdrawn.id(), "status", withdrawn.status());
    }

    @GetMapping("/api/leave-requests/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable String id, @PathVariable long evidenceId) {
        LeaveRequest request = requests.visible(uuid(id));
        var file = requests.evidenceFile(request, evidenceId).orElseThrow(() -> new NotFoundException("No such evidence"));
        audit.record(AuditTrail.Action.READ_PUPIL, "leave-request", request.upn(), "evidence " + evidenceId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"")
                .body(file.content());
    }

    @ExceptionHandler(LeaveRequests.NotWithdrawableException.class)
    ResponseEntity<Map<String, Object>> notWithdrawable(LeaveRequests.NotWithdrawableException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "error", e.getMessage()));
    }

    private Map<String, Object> describe(LeaveRequest r, boolean full) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", r.id());
        body.put("upn", r.upn());
        body.put("schoolUrn", r.schoolUrn());
        body.put("status", r.status());
        body.put("from", Map.of("date", r.fromDate(), "session", r.fromSession()));
        body.put("to", Map.of("date", r.toDate(), "session", r.toSession()));
        body.put("reason", r.reason());
        body.put("details", r.details());
        body.put("parentsTravelling", r.parentsTravelling());
        body.put("requestedBy", r.requestedBy());
        body.put("channel", r.channel());
        body.put("submittedAt", r.submittedAt());
        body.put("afterTheFact", r.afterTheFact());
        body.put("screen", r.screenAdvice() == null ? null
                : Map.of("advice", r.screenAdvice(), "decisionKey", r.screenDecisionKey(), "decisionVersion",
                r.screenDecisionVersion()));
        if (full) {
            body.put("schoolSessions", requests.requestedSessions(r).size());
            body.put("weekdaysOutOfTerm", requests.weekdaysOutOfTerm(r));
            body.put("checkNotes", r.checkNotes());
            body.put("checkedBy", r.checkedBy());
            body.put("evidence", requests.evidence(r));
        }
        var decision = new LinkedHashMap<String, Object>();
        if (r.decidedAt() != null) {
            decision.put("by", r.decidedBy());
            decision.put("at", r.decidedAt());
            decision.put("reasons", r.decisionReasons());
            decision.put("code", r.grantedCode());
            decision.put("grantedFrom", r.grantedFrom() == null ? null
                    : Map.of("date", r.grantedFrom(), "session", r.grantedFromSession()));
            decision.put("grantedTo", r.grantedTo() == null ? null
                    : Map.of("date", r.grantedTo(), "session", r.grantedToSession()));
        }
        body.put("decision", decision.isEmpty() ? null : decision);
        body.put("recodedSessions", r.recodedSessions());
        body.put("withdrawnAt", r.withdrawnAt());
        return body;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No leave request " + id);
        }
    }
}
