package org.openattendance.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openattendance.school.Pupil;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests for penalty notices: what the case holds for a new one (the draft), sending one (the pupil's school's
 * staff; 400 naming every missing item), and reading them. The LA decides through its task.
 */
@RestController
class PenaltyRequestApi {

    record ParentView(String name, String address, LocalDate dateOfBirth, String email, RequestParent.Outcome outcome,
                      Integer earlierNotices, UUID noticeId) {
    }

    record Decision(String by, Instant at, String reasons) {
    }

    record View(UUID id, String upn, String schoolUrn, RequestRoute route, RequestStatus status, LocalDate periodFrom,
                LocalDate periodTo, boolean late, HolidayDeadline holiday, String schoolStatement, String requestedBy,
                Instant requestedAt, List<ParentView> parents, List<NoticeView.SessionView> sessions,
                List<EvidenceItem> evidence, String informationRequested, String informationSupplied,
                Decision decision) {

        static View of(PenaltyNoticeRequest r) {
            return new View(r.id(), r.upn(), r.schoolUrn(), r.route(), r.status(), r.periodFrom(), r.periodTo(),
                    r.late(), r.holiday(), r.schoolStatement(), r.requestedBy(), r.requestedAt(),
                    r.parents().stream().map(p -> new ParentView(p.parent().name(), p.parent().address(),
                            p.parent().dateOfBirth(), p.parent().email(), p.outcome(), p.earlierNotices(),
                            p.noticeId())).toList(),
                    r.sessions().stream().map(s -> new NoticeView.SessionView(s.date(), s.session().name(), s.code())).toList(),
                    r.evidence(), r.informationRequested(), r.informationSupplied(),
                    r.decision() == null ? null : new Decision(r.decision().by(), r.decision().at(), r.decision().reasons()));
        }
    }

    record DraftView(RequestRoute route, LocalDate periodFrom, LocalDate periodTo, List<NoticeView.SessionView> qualifyingSessions,
                     List<NoticeView.SessionView> unexplainedSessions, int schoolWeeks, HolidayDeadline holiday,
                     List<EvidenceItem> evidence, List<RequestForm.ParentLine> parents,
                     List<InvalidInputException.Problem> missing) {
    }

    private final RequestSubmission submission;
    private final PenaltyRequests requests;
    private final LegalAccess access;
    private final AuditTrail audit;

    PenaltyRequestApi(RequestSubmission submission, PenaltyRequests requests, LegalAccess access, AuditTrail audit) {
        this.submission = submission;
        this.requests = requests;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/api/pupils/{upn}/penalty-notice-requests")
    List<View> ofPupil(@PathVariable String upn) {
        Pupil pupil = access.visiblePupil(upn);
        var found = requests.ofPupil(pupil.getId());
        audit.record(AuditTrail.Action.READ_PUPIL, "penalty-notice-requests", pupil.getUpn(), found.size() + " requests");
        return found.stream().map(View::of).toList();
    }

    @GetMapping("/api/pupils/{upn}/penalty-notice-requests/draft")
    DraftView draft(@PathVariable String upn) {
        Pupil pupil = access.visiblePupil(upn);
        var draft = submission.draft(pupil);
        audit.record(AuditTrail.Action.READ_PUPIL, "penalty-notice-request-draft", pupil.getUpn(), null);
        var evidence = draft.evidence();
        return new DraftView(draft.route(), draft.periodFrom(), draft.periodTo(), sessions(evidence.qualifyingSessions()),
                sessions(evidence.unexplainedSessions()), evidence.schoolWeeks(), evidence.holiday(), evidence.items(),
                draft.parents(), draft.missing());
    }

    @PostMapping("/api/pupils/{upn}/penalty-notice-requests")
    ResponseEntity<View> submit(@PathVariable String upn, @RequestBody RequestForm form) {
        Pupil pupil = access.visiblePupil(upn);
        access.checkSchoolStaff(pupil);
        if (form == null) {
            throw new InvalidInputException("Send {route, periodFrom, periodTo, parents, schoolStatement}");
        }
        var request = submission.submit(pupil, form, access.user().username());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/penalty-notice-requests/" + request.id()).body(View.of(request));
    }

    @GetMapping("/api/penalty-notice-requests/{id}")
    View one(@PathVariable String id) {
        PenaltyNoticeRequest request = requests.find(uuid(id))
                .orElseThrow(() -> new NotFoundException("No request for a penalty notice " + id));
        try {
            access.visiblePupil(request.upn());
        } catch (NotFoundException e) {
            throw new NotFoundException("No request for a penalty notice " + id);
        }
        audit.record(AuditTrail.Action.READ_PUPIL, "penalty-notice-request", request.upn(), "request " + request.id());
        return View.of(request);
    }

    private static List<NoticeView.SessionView> sessions(List<NoticeSession> sessions) {
        return sessions.stream().map(s -> new NoticeView.SessionView(s.date(), s.session().name(), s.code())).toList();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No request for a penalty notice " + id);
        }
    }
}
