package org.openattendance.legal;

import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;

import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for penalty notices as pages show them, here and on the task pages of the staff web (the LA's decision,
 * the school's answer to a question). Unchecked: the caller checks the caller's scope.
 */
@Component
public class PenaltyRequestViews {

    private final PenaltyRequests requests;
    private final PenaltyNotices notices;
    private final SchoolDirectory directory;

    PenaltyRequestViews(PenaltyRequests requests, PenaltyNotices notices, SchoolDirectory directory) {
        this.requests = requests;
        this.notices = notices;
        this.directory = directory;
    }

    @Transactional // not read-only: what the policy allows each parent is a DMN decision, and its history is written
    public PenaltyRequestView of(PenaltyNoticeRequest request) {
        String pupil = directory.pupil(request.upn()).map(p -> p.getForename() + " " + p.getSurname()).orElse(request.upn());
        String school = directory.school(request.schoolUrn()).map(School::getName).orElse(request.schoolUrn());
        var rights = new LinkedHashMap<String, String>();
        if (request.status() == RequestStatus.SUBMITTED || request.status() == RequestStatus.MORE_INFORMATION_REQUESTED) {
            request.parents().forEach(p -> rights.put(p.parent().key(),
                    PenaltyNotices.inWords(notices.rightToIssue(request.pupilId(), p.parent()))));
        }
        return new PenaltyRequestView(request, pupil, school, rights, notices.ofRequest(request.id()));
    }

    /** The latest request made on the case, as its pages show it. */
    @Transactional
    public Optional<PenaltyRequestView> latestOfCase(Pupil pupil, UUID caseId) {
        return requests.ofPupil(pupil.getId()).stream().filter(r -> caseId.equals(r.caseId())).findFirst().map(this::of);
    }
}
