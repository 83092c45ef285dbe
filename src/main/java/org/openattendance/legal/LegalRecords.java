package org.openattendance.legal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pupil's legal records together, for the pages and the evidence pack: Notices to Improve, requests for penalty
 * notices, the notices with their payments, attendance contracts, education supervision order considerations and
 * prosecutions; and where the pupil stands in plain English. Unchecked: the caller checks the caller's scope.
 */
@Service
public class LegalRecords {

    /** Everything legal about one pupil, each list newest first. */
    public record PupilLegal(List<NoticeToImprove> noticesToImprove, List<PenaltyNoticeRequest> requests,
                             List<PenaltyNotice> notices, List<AttendanceContract> contracts,
                             List<EsoConsideration> esoConsiderations, List<Prosecution> prosecutions) {

        public boolean isEmpty() {
            return noticesToImprove.isEmpty() && requests.isEmpty() && notices.isEmpty() && contracts.isEmpty()
                    && esoConsiderations.isEmpty() && prosecutions.isEmpty();
        }

        /** The request a notice was issued on. */
        public Optional<PenaltyNoticeRequest> request(PenaltyNotice notice) {
            return requests.stream().filter(r -> r.id().equals(notice.requestId())).findFirst();
        }

        /** The notice a prosecution is for, if it followed one. */
        public Optional<PenaltyNotice> notice(Prosecution prosecution) {
            return notices.stream().filter(n -> n.id().equals(prosecution.noticeId())).findFirst();
        }

        public Optional<EsoConsideration> consideration(Prosecution prosecution) {
            return esoConsiderations.stream().filter(c -> c.id().equals(prosecution.esoConsiderationId())).findFirst();
        }
    }

    private final NoticesToImprove noticesToImprove;
    private final LegalAccess access;
    private final RequestSubmission submission;
    private final PenaltyRequests requests;
    private final PenaltyNotices notices;
    private final AttendanceContracts contracts;
    private final Prosecutions prosecutions;

    LegalRecords(NoticesToImprove noticesToImprove, PenaltyRequests requests, PenaltyNotices notices,
                 AttendanceContracts contracts, Prosecutions prosecutions, LegalAccess access,
                 RequestSubmission submission) {
        this.access = access;
        this.submission = submission;
        this.noticesToImprove = noticesToImprove;
        this.requests = requests;
        this.notices = notices;
        this.contracts = contracts;
        this.prosecutions = prosecutions;
    }

    @Transactional(readOnly = true)
    public PupilLegal of(long pupilId) {
        return new PupilLegal(noticesToImprove.ofPupil(pupilId), requests.ofPupil(pupilId), notices.ofPupil(pupilId),
                contracts.ofPupil(pupilId).stream().sorted(Comparator.comparing(AttendanceContract::createdAt).reversed())
                        .toList(),
                prosecutions.considerationsOf(pupilId).stream()
                        .sorted(Comparator.comparing(EsoConsideration::createdAt).reversed()).toList(),
                prosecutions.ofPupil(pupilId).stream().sorted(Comparator.comparing(Prosecution::createdAt).reversed())
                        .toList());
    }

    /**
     * The pupil page's legal section for the signed-in user, who the caller has checked may see the pupil (the page
     * audits its own read).
     */
    @Transactional(readOnly = true)
    public PupilLegalSection sectionFor(org.openattendance.school.Pupil pupil) {
        var legal = of(pupil.getId());
        boolean schoolStaff = access.isSchoolStaff(pupil);
        return new PupilLegalSection(pupil.getUpn(), legal, standing(legal, LegalEngine.today()), schoolStaff,
                schoolStaff && submission.caseWaits(pupil), access.mayHaveEvidencePack(pupil));
    }

    /**
     * Where the pupil stands in the legal stages, in one sentence, from the records themselves: the furthest step
     * still open (a prosecution, a notice awaiting payment or a decision, a request with the LA, a Notice to Improve's
     * period, a contract), or null when nothing legal is open.
     */
    public static String standing(PupilLegal legal, LocalDate today) {
        var words = new LegalWords();
        for (Prosecution p : legal.prosecutions()) {
            if (p.status() == ProsecutionStatus.AT_COURT) {
                return "Prosecution of " + p.parent().name() + " at court" + (p.nextHearing() == null ? ""
                        : ": hearing on " + words.day(p.nextHearing())) + (p.paidWithdrawCase()
                        ? ". The notice has been paid: the LA must withdraw the case at court" : "");
            }
            if (p.status() == ProsecutionStatus.PREPARING) {
                return "Prosecution of " + p.parent().name() + " being prepared" + (p.esoConsiderationId() == null
                        ? ": an education supervision order is to be considered first" : "");
            }
        }
        for (PenaltyNotice n : legal.notices()) {
            if (n.status() == PenaltyNoticeStatus.UNPAID) {
                return "Penalty notice " + n.number() + " to " + n.parent().name() + " was not paid in time: the LA "
                        + "decides whether to prosecute or withdraw it";
            }
        }
        for (PenaltyNotice n : legal.notices()) {
            if (n.status() == PenaltyNoticeStatus.ISSUED) {
                return "Penalty notice " + n.number() + " issued to " + n.parent().name() + (n.fullBy() == null
                        ? ": waiting for the LA to record how it was served"
                        : ": " + words.money(n.amountDue(today)) + " due" + (n.reducedBy() != null
                        && !today.isAfter(n.reducedBy()) ? " by " + words.day(n.reducedBy()) + " (then "
                        + words.money(n.terms().fullAmount()) + " by " + words.day(n.fullBy()) + ")"
                        : " by " + words.day(n.fullBy())));
            }
        }
        for (PenaltyNoticeRequest r : legal.requests()) {
            if (r.status() == RequestStatus.SUBMITTED) {
                return "The school's request for a penalty notice is with the LA for a decision";
            }
            if (r.status() == RequestStatus.MORE_INFORMATION_REQUESTED) {
                return "The LA asked the school for more information about its request for a penalty notice";
            }
        }
        for (NoticeToImprove n : legal.noticesToImprove()) {
            if (n.status() == NoticeToImproveStatus.OPEN) {
                return "Notice to Improve: the improvement period runs until " + words.day(n.period().end());
            }
            if (n.status() == NoticeToImproveStatus.NOT_IMPROVED && n.decision() == null) {
                return "Notice to Improve ended without sufficient improvement: the school decides whether to ask the "
                        + "LA for a penalty notice";
            }
        }
        for (AttendanceContract c : legal.contracts()) {
            if (c.status() == ContractStatus.AGREED || c.status() == ContractStatus.OFFERED) {
                return "Attendance contract " + (c.status() == ContractStatus.AGREED ? "running" : "offered")
                        + (c.nextReview() == null ? "" : ": next review on " + words.day(c.nextReview().reviewOn()));
            }
        }
        return null;
    }
}
