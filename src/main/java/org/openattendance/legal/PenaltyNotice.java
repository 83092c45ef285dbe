package org.openattendance.legal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;

/**
 * A penalty notice to one parent for one child, with its named transitions: served, a payment recorded, the
 * payment period over, prosecuted, withdrawn. The amount due depends on the day a payment is made: within the
 * reduced period (first notices only) the reduced amount, then the full amount.
 */
public class PenaltyNotice extends LegalRecord {

    /** What recording a payment did: whether the notice is now paid in full, and what is still due. */
    public record PaymentResult(Payment payment, PenaltyNoticeStatus before, PenaltyNoticeStatus after,
                                BigDecimal amountDue) {
        public boolean paidInFull() {
            return after == PenaltyNoticeStatus.PAID;
        }
    }

    private final String number;
    private final UUID requestId;
    private final NoticeParent parent;
    private final PenaltyTerms terms;
    private final LocalDate issuedOn;
    private final String issuedBy;
    private final List<NoticeSession> sessions;
    private final List<Payment> payments;
    private final Instant createdAt;
    private NoticeService service;
    private PenaltyNoticeStatus status;
    private LocalDate paidOn;
    private Withdrawal withdrawal;
    private String processInstanceId;

    PenaltyNotice(UUID id, String number, UUID requestId, UUID caseId, long pupilId, String upn, String schoolUrn,
                  String laCode, NoticeParent parent, PenaltyTerms terms, LocalDate issuedOn, String issuedBy,
                  List<NoticeSession> sessions, List<Payment> payments, Instant createdAt, NoticeService service,
                  PenaltyNoticeStatus status, LocalDate paidOn, Withdrawal withdrawal, String processInstanceId) {
        super(id, caseId, pupilId, upn, schoolUrn, laCode);
        this.number = number;
        this.requestId = requestId;
        this.parent = parent;
        this.terms = terms;
        this.issuedOn = issuedOn;
        this.issuedBy = issuedBy;
        this.sessions = new ArrayList<>(sessions);
        this.payments = new ArrayList<>(payments);
        this.createdAt = createdAt;
        this.service = service;
        this.status = status;
        this.paidOn = paidOn;
        this.withdrawal = withdrawal;
        this.processInstanceId = processInstanceId;
    }

    /** A new notice, issued today for the request's sessions. */
    static PenaltyNotice issue(String number, UUID requestId, UUID caseId, long pupilId, String upn, String schoolUrn,
                               String laCode, NoticeParent parent, PenaltyTerms terms, LocalDate issuedOn,
                               String issuedBy, List<NoticeSession> sessions, Instant now) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("A penalty notice needs the sessions it is issued for");
        }
        if (parent.dateOfBirth() == null || parent.address() == null) {
            throw new IllegalArgumentException("A penalty notice needs the parent's address and date of birth");
        }
        return new PenaltyNotice(UUID.randomUUID(), number, requestId, caseId, pupilId, upn, schoolUrn, laCode, parent,
                terms, issuedOn, issuedBy, sessions.stream().sorted().toList(), List.of(), now, null,
                PenaltyNoticeStatus.ISSUED, null, null, null);
    }

    /** The notice was posted or handed over; the receipt date starts the payment periods. */
    void served(NoticeService service) {
        if (status != PenaltyNoticeStatus.ISSUED || this.service != null) {
            throw new LegalConflictException("Notice " + number + " was already served on " + describeService());
        }
        if (service.servedOn().isBefore(issuedOn)) {
            throw new InvalidInputException("The notice cannot be served before it was issued",
                    List.of(new Problem("servedOn", "is before the notice was issued (" + issuedOn + ")")));
        }
        this.service = service;
    }

    /**
     * Records a payment. Paid in full when everything paid by the payment's date reaches the amount due on that
     * date; a notice that was unpaid or prosecuted is then paid too (the prosecution path stops).
     */
    PaymentResult recordPayment(Payment payment, LocalDate today) {
        var problems = new ArrayList<Problem>();
        if (payment.amount() == null || payment.amount().signum() <= 0) {
            problems.add(new Problem("amount", "must be more than 0"));
        } else if (payment.amount().stripTrailingZeros().scale() > 2) {
            problems.add(new Problem("amount", "must be in pounds and pence (at most 2 decimal places)"));
        }
        if (payment.paidOn() == null) {
            problems.add(new Problem("paidOn", "is required (YYYY-MM-DD)"));
        } else if (payment.paidOn().isAfter(today)) {
            problems.add(new Problem("paidOn", "is in the future"));
        } else if (payment.paidOn().isBefore(issuedOn)) {
            problems.add(new Problem("paidOn", "is before the notice was issued (" + issuedOn + ")"));
        }
        if (payment.reference() == null || payment.reference().isBlank()) {
            problems.add(new Problem("reference", "is required (the payment's reference)"));
        } else if (payment.reference().strip().length() > 100) {
            problems.add(new Problem("reference", "is longer than 100 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The payment cannot be recorded", problems);
        }
        if (status == PenaltyNoticeStatus.WITHDRAWN) {
            throw new LegalConflictException("Notice " + number + " was withdrawn; a payment toward it must be refunded");
        }
        if (status == PenaltyNoticeStatus.PAID) {
            throw new LegalConflictException("Notice " + number + " is already paid in full");
        }
        String reference = payment.reference().strip();
        if (payments.stream().anyMatch(p -> p.reference().equalsIgnoreCase(reference))) {
            throw new LegalConflictException("A payment with reference " + reference + " is already recorded on notice "
                    + number);
        }
        var recorded = new Payment(Money.of(payment.amount()), payment.paidOn(), reference, payment.recordedBy(),
                payment.recordedAt());
        PenaltyNoticeStatus before = status;
        payments.add(recorded);
        LocalDate settled = settledOn();
        if (settled != null) {
            status = PenaltyNoticeStatus.PAID;
            paidOn = settled;
        }
        return new PaymentResult(recorded, before, status, amountDue(today));
    }

    /** The payment period ended without full payment: the LA must prosecute or withdraw. */
    void paymentPeriodOver(LocalDate today) {
        if (status != PenaltyNoticeStatus.ISSUED) {
            throw new LegalConflictException("Notice " + number + " is " + status + ", not waiting for payment");
        }
        LocalDate lastDay = fullBy();
        if (lastDay == null || !today.isAfter(lastDay)) {
            throw new LegalConflictException("Notice " + number + " can still be paid until "
                    + (lastDay == null ? "28 days after it is received" : lastDay));
        }
        status = PenaltyNoticeStatus.UNPAID;
    }

    /** Whether the payment period is over (unpaid, or prosecuted): a payment now stops the prosecution path. */
    public boolean pastPaymentPeriod() {
        return status == PenaltyNoticeStatus.UNPAID || status == PenaltyNoticeStatus.PROSECUTED;
    }

    /** The LA decided to prosecute the attendance offence this notice was for. */
    void prosecuted() {
        if (status != PenaltyNoticeStatus.UNPAID) {
            throw new LegalConflictException("Only an unpaid notice can lead to prosecution; notice " + number
                    + " is " + status);
        }
        status = PenaltyNoticeStatus.PROSECUTED;
    }

    /** A part payment stopped the prosecution before court: the LA decides again whether to prosecute. */
    void prosecutionStopped() {
        if (status != PenaltyNoticeStatus.PROSECUTED) {
            throw new LegalConflictException("Notice " + number + " is " + status + ", not prosecuted");
        }
        status = PenaltyNoticeStatus.UNPAID;
    }

    /** Withdrawn by an LA officer on one of the listed grounds, with a reason; the sessions are free again. */
    void withdraw(Withdrawal withdrawal) {
        var problems = new ArrayList<Problem>();
        if (withdrawal.ground() == null) {
            problems.add(new Problem("ground", "is required: one of " + List.of(WithdrawalGround.values())));
        }
        if (withdrawal.reason() == null || withdrawal.reason().isBlank()) {
            problems.add(new Problem("reason", "is required: say why the notice is withdrawn"));
        } else if (withdrawal.reason().length() > 4000) {
            problems.add(new Problem("reason", "is longer than 4000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The notice cannot be withdrawn", problems);
        }
        if (status == PenaltyNoticeStatus.WITHDRAWN) {
            throw new LegalConflictException("Notice " + number + " is already withdrawn");
        }
        if (status == PenaltyNoticeStatus.PAID) {
            throw new LegalConflictException("Notice " + number + " is paid in full and cannot be withdrawn");
        }
        this.withdrawal = new Withdrawal(withdrawal.ground(), withdrawal.reason().strip(), withdrawal.officer(),
                withdrawal.at());
        status = PenaltyNoticeStatus.WITHDRAWN;
    }

    void linkProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The last day the reduced amount may be paid, or null (no reduction, or not received yet). */
    public LocalDate reducedBy() {
        return service == null || !terms.hasReduction() ? null : service.receivedOn().plusDays(terms.reducedWithinDays());
    }

    /** The last day of the payment period, or null while the notice has not been received. */
    public LocalDate fullBy() {
        return service == null ? null : service.receivedOn().plusDays(terms.fullWithinDays());
    }

    /** The amount a payment made on this day must reach, counting what was paid before. */
    public BigDecimal amountOn(LocalDate day) {
        if (terms.hasReduction() && (service == null || !day.isAfter(reducedBy()))) {
            return terms.reducedAmount();
        }
        return terms.fullAmount();
    }

    public BigDecimal totalPaid() {
        return payments.stream().map(Payment::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    /** What is still due as of this day: nothing once paid or withdrawn. */
    public BigDecimal amountDue(LocalDate today) {
        if (status == PenaltyNoticeStatus.PAID || status == PenaltyNoticeStatus.WITHDRAWN) {
            return Money.ZERO;
        }
        return amountOn(today).subtract(totalPaid()).max(Money.ZERO);
    }

    /** The first day on which the payments made by then reached the amount due on that day, or null. */
    private LocalDate settledOn() {
        var byDate = new ArrayList<>(payments);
        byDate.sort(java.util.Comparator.comparing(Payment::paidOn));
        BigDecimal paid = Money.ZERO;
        for (int i = 0; i < byDate.size(); i++) {
            paid = paid.add(byDate.get(i).amount());
            boolean lastOfDay = i == byDate.size() - 1 || !byDate.get(i + 1).paidOn().equals(byDate.get(i).paidOn());
            if (lastOfDay && paid.compareTo(amountOn(byDate.get(i).paidOn())) >= 0) {
                return byDate.get(i).paidOn();
            }
        }
        return null;
    }

    private String describeService() {
        return service == null ? "" : service.servedOn() + " (" + service.method() + ")";
    }

    public String number() { return number; }
    public UUID requestId() { return requestId; }
    public NoticeParent parent() { return parent; }
    public PenaltyTerms terms() { return terms; }
    public LocalDate issuedOn() { return issuedOn; }
    public String issuedBy() { return issuedBy; }
    public List<NoticeSession> sessions() { return Collections.unmodifiableList(sessions); }
    public List<Payment> payments() { return Collections.unmodifiableList(payments); }
    public Instant createdAt() { return createdAt; }
    public NoticeService service() { return service; }
    public PenaltyNoticeStatus status() { return status; }
    public LocalDate paidOn() { return paidOn; }
    public Withdrawal withdrawal() { return withdrawal; }
    public String processInstanceId() { return processInstanceId; }
}
