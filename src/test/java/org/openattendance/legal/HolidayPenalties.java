package org.openattendance.legal;

import static org.openattendance.legal.LegalFixtures.holiday;
import static org.openattendance.legal.LegalFixtures.weekOf;

import org.springframework.stereotype.Component;

/**
 * Penalty notices the way most legal tests need them: a week of G sessions (leave in term time the school did not
 * authorise), the school's request for notices to the parents named, and the LA's approval, which issues them.
 */
@Component
record HolidayPenalties(LegalFixtures families, PenaltyRequests requests, PenaltyNotices notices) {

    /** Marks the week that began {@code weeksAgo} weeks back G, requests notices to these parents, approves them. */
    PenaltyNoticeRequest approved(LegalFixtures.Child child, int weeksAgo, String reasons, RequestForm.ParentLine... parents) {
        return approved(child, weeksAgo, reasons, "officer.test", "la.test", parents);
    }

    /** The same, requested by the school's {@code officer} and approved by the LA's {@code laOfficer}. */
    PenaltyNoticeRequest approved(LegalFixtures.Child child, int weeksAgo, String reasons, String officer, String laOfficer,
                                  RequestForm.ParentLine... parents) {
        families.marks(child.pupilId(), "G", weekOf(weeksAgo));
        var request = requests.submit(child.caseId(), child.upn(), holiday(weeksAgo, parents), officer);
        return requests.approve(request.id(), laOfficer, reasons);
    }

    /** The notice the approval issued to the parent named {@code n}-th on the request (0 = the first). */
    PenaltyNotice notice(PenaltyNoticeRequest approved, int n) {
        return notices.find(approved.parents().get(n).noticeId()).orElseThrow();
    }
}
