package org.openattendance.legal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.openattendance.casework.Stage;
import org.openattendance.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Penalty notices, one per parent per child: issued when the LA approves a request (as the policy allows), served,
 * paid (in part or in full), unpaid at the end of the payment period, prosecuted or withdrawn. Each change goes on
 * the pupil's case, and a payment stops any prosecution of the notice at once.
 */
@Service
public class PenaltyNotices {

    /** Notices count for three years: a third occasion in that time may not have a notice. */
    static final int COUNTING_YEARS = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final PenaltyNoticeStore store;
    private final NoticeNumbers numbers;
    private final LegalPolicy policy;
    private final Prosecutions prosecutions;
    private final CaseTimeline timeline;
    private final ApplicationEventPublisher events;

    PenaltyNotices(PenaltyNoticeStore store, NoticeNumbers numbers, LegalPolicy policy, Prosecutions prosecutions,
                   CaseTimeline timeline, ApplicationEventPublisher events) {
        this.store = store;
        this.numbers = numbers;
        this.policy = policy;
        this.prosecutions = prosecutions;
        this.timeline = timeline;
        this.events = events;
    }

    /**
     * Whether a notice may be issued today to this parent for this child, and its terms: counts the notices to that
     * parent for that child issued in the last three years that were not withdrawn.
     */
    @Transactional(readOnly = true)
    public LegalPolicy.RightToIssue rightToIssue(long pupilId, NoticeParent parent) {
        LocalDate today = LegalEngine.today();
        int earlier = store.countingNotices(pupilId, parent.key(), today.minusYears(COUNTING_YEARS).plusDays(1), today, null);
        return policy.rightToIssue(earlier);
    }

    /** Issues the notices of an approved request: one per parent, or none for a parent's third occasion. */
    @Transactional
    List<RequestParent> issueFor(PenaltyNoticeRequest request, String by) {
        LocalDate today = LegalEngine.today();
        var outcomes = new ArrayList<RequestParent>();
        for (RequestParent asked : request.parents()) {
            NoticeParent parent = asked.parent();
            var right = rightToIssue(request.pupilId(), parent);
            timeline.decision(request.caseId(), "Penalty notice to " + parent.name() + ": " + inWords(right),
                    "earlier notices in " + COUNTING_YEARS + " years = " + right.earlierNotices() + "; " + describe(right),
                    LegalPolicy.PENALTY, right.version());
            if (!right.mayIssue()) {
                outcomes.add(new RequestParent(parent, RequestParent.Outcome.THIRD_OCCASION, right.earlierNotices(), null));
                timeline.note(request.caseId(), "No penalty notice to " + parent.name() + ": third occasion in "
                        + COUNTING_YEARS + " years", "The LA decides between prosecution, an education supervision order "
                        + "and an attendance contract", by);
                continue;
            }
            var notice = PenaltyNotice.issue(numbers.next(request.laCode(), today.getYear()), request.id(),
                    request.caseId(), request.pupilId(), request.upn(), request.schoolUrn(), request.laCode(), parent,
                    right.terms(), today, by, request.sessions(), LegalEngine.now().toInstant());
            try {
                store.insert(notice);
            } catch (DuplicateKeyException e) {
                throw new LegalConflictException("A session of this request is already on a notice to " + parent.name()
                        + " for this pupil; a session may serve one notice only");
            }
            outcomes.add(new RequestParent(parent, RequestParent.Outcome.NOTICE_ISSUED, right.earlierNotices(), notice.id()));
            timeline.note(request.caseId(), "Penalty notice " + notice.number() + " issued to " + parent.name(),
                    describe(right) + "; " + notice.sessions().size() + " sessions", by);
            events.publishEvent(new PenaltyNoticeIssued(notice.id(), notice.number(), notice.caseId(), notice.pupilId(),
                    notice.upn(), notice.schoolUrn(), notice.laCode(), notice.terms().occasion(), notice.issuedOn()));
        }
        return outcomes;
    }

    /** Records how and when the notice was posted or handed over; the receipt date follows the service rule. */
    @Transactional
    public PenaltyNotice serve(UUID id, ServiceMethod method, LocalDate servedOn, String by) {
        PenaltyNotice notice = lock(id);
        if (method == null || servedOn == null) {
            throw new org.openattendance.shared.InvalidInputException("Say how and when the notice was served",
                    List.of(new org.openattendance.shared.InvalidInputException.Problem("serviceMethod",
                            "how the notice was served and the date are required")));
        }
        var receipt = policy.receipt(method);
        LocalDate received = WorkingDays.after(servedOn, receipt.workingDays());
        notice.served(new NoticeService(method, servedOn, received, receipt.version(), by));
        store.update(notice);
        timeline.decision(notice.caseId(), "Notice " + notice.number() + " counts as received on " + DAY.format(received)
                + " (" + describe(method).toLowerCase(java.util.Locale.UK) + " on " + DAY.format(servedOn) + ")",
                describe(method) + " on " + DAY.format(servedOn) + ": received " + DAY.format(received)
                + (notice.reducedBy() == null ? "" : "; " + Money.print(notice.terms().reducedAmount()) + " if paid by "
                + DAY.format(notice.reducedBy())) + "; " + Money.print(notice.terms().fullAmount()) + " if paid by "
                + DAY.format(notice.fullBy()), LegalPolicy.SERVICE, receipt.version());
        return notice;
    }

    /**
     * Records a payment. A payment in full, or any payment after the payment period, stops the notice's prosecution
     * at once: stopped before court, or flagged "paid: withdraw the case" when a court date is set; a part payment
     * puts a prosecuted notice back to unpaid, for the LA to decide again. The case says so.
     */
    @Transactional
    public PenaltyNotice.PaymentResult recordPayment(String number, BigDecimal amount, LocalDate paidOn, String reference,
                                                     String by) {
        PenaltyNotice notice = lock(byNumber(number).id());
        var result = notice.recordPayment(new Payment(amount, paidOn, reference, by, LegalEngine.now().toInstant()),
                LegalEngine.today());
        boolean afterPeriod = result.before() == PenaltyNoticeStatus.UNPAID || result.before() == PenaltyNoticeStatus.PROSECUTED;
        if (!result.paidInFull() && result.before() == PenaltyNoticeStatus.PROSECUTED) {
            notice.prosecutionStopped();
        }
        store.addPayment(notice.id(), result.payment());
        store.update(notice);
        timeline.note(notice.caseId(), "Payment of " + Money.print(result.payment().amount()) + " recorded on notice "
                + notice.number(), "paid on " + DAY.format(paidOn) + ", reference " + result.payment().reference()
                + (result.paidInFull() ? "; the notice is paid in full" : "; still due: " + Money.print(result.amountDue())),
                by);
        if (result.paidInFull() || afterPeriod) {
            for (Prosecution prosecution : prosecutions.noticePaid(notice.id())) {
                timeline.note(notice.caseId(), prosecution.paidWithdrawCase()
                                ? "Paid: withdraw the case at court (notice " + notice.number() + ")"
                                : "Prosecution stopped: a payment was recorded on notice " + notice.number(),
                        prosecution.paidWithdrawCase() ? "A court date is set (" + DAY.format(prosecution.nextHearing())
                                + "): the LA must withdraw the case" : null, by);
            }
        }
        if (result.paidInFull()) {
            events.publishEvent(new PenaltyNoticePaid(notice.id(), notice.number(), notice.caseId(), notice.upn(),
                    notice.laCode(), notice.paidOn(), notice.totalPaid(), result.before()));
        }
        return result;
    }

    /** The payment period ended without full payment: the notice is unpaid and the LA must decide. */
    @Transactional
    public PenaltyNotice paymentPeriodOver(UUID id) {
        PenaltyNotice notice = lock(id);
        notice.paymentPeriodOver(LegalEngine.today());
        store.update(notice);
        timeline.stage(notice.caseId(), Stage.LEGAL_ROUTE_DECISION);
        timeline.note(notice.caseId(), "Notice " + notice.number() + " not paid in time", "Paid "
                + Money.print(notice.totalPaid()) + " of " + Money.print(notice.terms().fullAmount()) + " by "
                + DAY.format(notice.fullBy()) + "; the LA must prosecute or withdraw the notice", null);
        return notice;
    }

    /** The reduced amount may no longer be paid: the case says what is due now. */
    @Transactional
    public void reducedPeriodOver(UUID id) {
        PenaltyNotice notice = store.find(id).orElseThrow(() -> new NotFoundException("No penalty notice " + id));
        if (notice.status() == PenaltyNoticeStatus.ISSUED) {
            timeline.note(notice.caseId(), "Notice " + notice.number() + ": the reduced amount may no longer be paid",
                    Money.print(notice.amountDue(LegalEngine.today())) + " is due by " + DAY.format(notice.fullBy()), null);
        }
    }

    /** The LA prosecutes the offence the unpaid notice was for: a prosecution is opened. */
    @Transactional
    public Prosecution prosecute(UUID id, String by) {
        PenaltyNotice notice = lock(id);
        notice.prosecuted();
        store.update(notice);
        timeline.stage(notice.caseId(), Stage.PROSECUTION);
        timeline.note(notice.caseId(), "The LA decided to prosecute: notice " + notice.number() + " was not paid", null, by);
        return prosecutions.openForNotice(notice, by);
    }

    /** An LA officer withdraws the notice on one of the listed grounds; its sessions are free again. */
    @Transactional
    public PenaltyNotice withdraw(String number, WithdrawalGround ground, String reason, String by) {
        PenaltyNotice notice = lock(byNumber(number).id());
        notice.withdraw(new Withdrawal(ground, reason, by, LegalEngine.now().toInstant()));
        store.update(notice);
        prosecutions.stopForNotice(notice.id(), "Notice " + notice.number() + " was withdrawn");
        timeline.note(notice.caseId(), "Penalty notice " + notice.number() + " withdrawn", ground.label() + ": "
                + notice.withdrawal().reason(), by);
        events.publishEvent(new PenaltyNoticeWithdrawn(notice.id(), notice.number(), notice.caseId(), notice.upn(),
                notice.laCode(), ground, by));
        return notice;
    }

    @Transactional
    public void linkProcess(UUID id, String processInstanceId) {
        PenaltyNotice notice = lock(id);
        notice.linkProcess(processInstanceId);
        store.update(notice);
    }

    /** Unchecked: the caller checks the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<PenaltyNotice> find(UUID id) {
        return store.find(id);
    }

    /** Unchecked: the caller checks the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<PenaltyNotice> findByNumber(String number) {
        return store.findByNumber(number);
    }

    /** The pupil's notices, newest first. Unchecked: the caller checks the caller's scope. */
    @Transactional(readOnly = true)
    public List<PenaltyNotice> ofPupil(long pupilId) {
        return store.ofPupil(pupilId);
    }

    @Transactional(readOnly = true)
    public List<PenaltyNotice> ofRequest(UUID requestId) {
        return store.ofRequest(requestId);
    }

    private PenaltyNotice byNumber(String number) {
        return store.findByNumber(number).orElseThrow(() -> new NotFoundException("No penalty notice " + number));
    }

    private PenaltyNotice lock(UUID id) {
        return store.lock(id).orElseThrow(() -> new NotFoundException("No penalty notice " + id));
    }

    static String describe(LegalPolicy.RightToIssue right) {
        if (!right.mayIssue()) {
            return "no notice may be issued (third occasion)";
        }
        var terms = right.terms();
        return "occasion " + terms.occasion() + ": " + (terms.hasReduction() ? Money.print(terms.reducedAmount())
                + " if paid within " + terms.reducedWithinDays() + " days of receipt, " : "")
                + Money.print(terms.fullAmount()) + " within " + terms.fullWithinDays() + " days";
    }

    /** What the policy allows, in the words a member of staff reads on the case. */
    static String inWords(LegalPolicy.RightToIssue right) {
        if (!right.mayIssue()) {
            return "no notice may be issued: it would be the third occasion in " + COUNTING_YEARS + " years";
        }
        var terms = right.terms();
        return (terms.occasion() == 1 ? "the first" : "the second") + " in " + COUNTING_YEARS + " years, "
                + (terms.hasReduction() ? Money.print(terms.reducedAmount()) + " if paid within " + terms.reducedWithinDays()
                + " days of receipt, " + Money.print(terms.fullAmount()) + " within " + terms.fullWithinDays() + " days"
                : Money.print(terms.fullAmount()) + " within " + terms.fullWithinDays() + " days of receipt");
    }

    private static String describe(ServiceMethod method) {
        return switch (method) {
            case FIRST_CLASS_POST -> "Posted first class";
            case SECOND_CLASS_POST -> "Posted second class";
            case BY_HAND -> "Handed to the parent";
        };
    }
}
