package org.openattendance.legal;

import java.util.Map;

import org.openattendance.casework.CaseStore;
import org.openattendance.school.Pupil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a school's request to the LA on the pupil's attendance case, from the request page or the API: the request
 * is stored (or refused, naming what is missing) and the case's process, waiting at "Request a penalty notice from
 * the LA", is told (message {@value #MESSAGE}) so the LA's decision task follows.
 */
@Component
public class RequestSubmission {

    static final String MESSAGE = "PenaltyNoticeRequested";

    private final PenaltyRequests requests;
    private final CaseStore cases;
    private final LegalEngine engine;

    RequestSubmission(PenaltyRequests requests, CaseStore cases, LegalEngine engine) {
        this.requests = requests;
        this.cases = cases;
        this.engine = engine;
    }

    /** What the request page offers before the school fills it in. */
    public PenaltyRequests.Draft draft(Pupil pupil) {
        return requests.draft(cases.latestFor(pupil.getUpn()).map(CaseStore.CaseRecord::id).orElse(null), pupil);
    }

    /** The evidence and what is missing for the request as filled in so far; nothing is sent. */
    public PenaltyRequests.Draft check(Pupil pupil, RequestForm form) {
        return requests.check(cases.latestFor(pupil.getUpn()).map(CaseStore.CaseRecord::id).orElse(null), pupil, form);
    }

    /** Whether the pupil's case waits for the school's request now (its task "Request a penalty notice from the LA"). */
    public boolean caseWaits(Pupil pupil) {
        return cases.latestFor(pupil.getUpn()).map(kase -> engine.waitsFor(kase.processInstanceId(), MESSAGE)).orElse(false);
    }

    /**
     * Sends the request; the caller has checked that the user is the school's staff. The pupil's case must be waiting
     * for it (the school chose to ask for a penalty notice on the case), so that the LA's decision task follows.
     */
    @Transactional
    public PenaltyNoticeRequest submit(Pupil pupil, RequestForm form, String by) {
        var kase = cases.latestFor(pupil.getUpn()).orElseThrow(() -> new LegalConflictException(
                "The pupil has no attendance case: a request for a penalty notice is made on the case"));
        if (!engine.waitsFor(kase.processInstanceId(), MESSAGE)) {
            throw new LegalConflictException("The pupil's case is not waiting for a request for a penalty notice: the "
                    + "school first chooses to ask for one on the case (\"Consider a Notice to Improve or a penalty "
                    + "notice\", or after a Notice to Improve)");
        }
        PenaltyNoticeRequest request = requests.submit(kase.id(), pupil.getUpn(), form, by);
        engine.correlate(kase.processInstanceId(), MESSAGE, Map.of("penaltyRequestId", request.id().toString()));
        return request;
    }
}
