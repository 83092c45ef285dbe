package org.openattendance.legal;

import java.time.LocalDate;
import java.util.List;

import org.openattendance.school.Pupil;
import org.openattendance.security.AuditTrail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A pupil's Notices to Improve, with their periods, recipients and outcomes. */
@RestController
class NoticeToImproveApi {

    record View(String id, String upn, String issuedBy, String officer, LocalDate issued, LocalDate periodStart,
                LocalDate periodEnd, int periodSchoolWeeks, String sufficientImprovement, int allowedSessions,
                String policy, int policyVersion, List<String> recipients, String supportGiven,
                String supportAvailable, NoticeToImproveStatus status, Integer qualifyingSessionsInPeriod,
                Integer possibleSessionsInPeriod, NextStep nextStep, String nextStepReason) {

        static View of(NoticeToImprove n) {
            var policy = n.sufficientImprovement();
            return new View(n.id().toString(), n.upn(), n.issuedBy().name(), n.officer(), n.issuedOn(),
                    n.period().start(), n.period().end(), n.period().schoolWeeks(), policy.meaning(),
                    policy.allowedSessions(), policy.policyKey(), policy.policyVersion(),
                    n.recipients().stream().map(NoticeParent::name).toList(), n.supportGiven(), n.supportAvailable(),
                    n.status(), n.assessment() == null ? null : n.assessment().qualifyingSessions(),
                    n.assessment() == null ? null : n.assessment().possibleSessions(),
                    n.decision() == null ? null : n.decision().step(),
                    n.decision() == null ? null : n.decision().reason());
        }
    }

    private final NoticesToImprove notices;
    private final LegalAccess access;
    private final AuditTrail audit;

    NoticeToImproveApi(NoticesToImprove notices, LegalAccess access, AuditTrail audit) {
        this.notices = notices;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/api/pupils/{upn}/notices-to-improve")
    List<View> ofPupil(@PathVariable String upn) {
        Pupil pupil = access.visiblePupil(upn);
        var found = notices.ofPupil(pupil.getId());
        audit.record(AuditTrail.Action.READ_PUPIL, "notices-to-improve", pupil.getUpn(), found.size() + " notices to improve");
        return found.stream().map(View::of).toList();
    }
}
