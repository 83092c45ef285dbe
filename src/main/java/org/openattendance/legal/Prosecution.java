package org.openattendance.legal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;

/**
 * A prosecution of one parent for the attendance offence about one child: the last resort. Transitions: the
 * education supervision order considered (applying for one stops the prosecution), an interview under caution,
 * the offence chosen (s.444(1A) only after an interview), the information laid (route and court), court dates set
 * or adjourned, the outcome; or stopped before court. Each step keeps the LA officer's name.
 */
public class Prosecution extends LegalRecord {

    /** The interview under caution: needed before a prosecution under s.444(1A). */
    public record Interview(LocalDate on, String by, String notes) {
    }

    /** The court's outcome, with the fine where there is one. */
    public record Outcome(CourtOutcome outcome, BigDecimal fineAmount, LocalDate on, String by) {
    }

    private final UUID noticeId;
    private final NoticeParent parent;
    private final String officer;
    private final Instant createdAt;
    private final List<CourtDate> courtDates;
    private UUID esoConsiderationId;
    private Offence offence;
    private Interview interview;
    private CourtRoute route;
    private String court;
    private LocalDate laidOn;
    private String laidBy;
    private ProsecutionStatus status;
    private Outcome outcome;
    private String stoppedReason;
    private boolean paidWithdrawCase;
    private String processInstanceId;

    Prosecution(UUID id, UUID caseId, long pupilId, String upn, String schoolUrn, String laCode, UUID noticeId,
                NoticeParent parent, String officer, Instant createdAt, List<CourtDate> courtDates,
                UUID esoConsiderationId, Offence offence, Interview interview, CourtRoute route, String court,
                LocalDate laidOn, String laidBy, ProsecutionStatus status, Outcome outcome, String stoppedReason,
                boolean paidWithdrawCase, String processInstanceId) {
        super(id, caseId, pupilId, upn, schoolUrn, laCode);
        this.noticeId = noticeId;
        this.parent = parent;
        this.officer = officer;
        this.createdAt = createdAt;
        this.courtDates = new ArrayList<>(courtDates);
        this.esoConsiderationId = esoConsiderationId;
        this.offence = offence;
        this.interview = interview;
        this.route = route;
        this.court = court;
        this.laidOn = laidOn;
        this.laidBy = laidBy;
        this.status = status;
        this.outcome = outcome;
        this.stoppedReason = stoppedReason;
        this.paidWithdrawCase = paidWithdrawCase;
        this.processInstanceId = processInstanceId;
    }

    static Prosecution open(UUID caseId, long pupilId, String upn, String schoolUrn, String laCode, UUID noticeId,
                            NoticeParent parent, String officer, Instant now) {
        return new Prosecution(UUID.randomUUID(), caseId, pupilId, upn, schoolUrn, laCode, noticeId, parent, officer,
                now, List.of(), null, null, null, null, null, null, null, ProsecutionStatus.PREPARING, null, null,
                false, null);
    }

    /** The education supervision order was considered; applying for one stops the prosecution. */
    void esoConsidered(EsoConsideration consideration) {
        requireStatus(ProsecutionStatus.PREPARING);
        this.esoConsiderationId = consideration.id();
        if (consideration.decision() == EsoConsideration.Decision.APPLY) {
            status = ProsecutionStatus.STOPPED;
            stoppedReason = "The LA applies for an education supervision order instead";
        }
    }

    void interviewed(Interview interview) {
        requireStatus(ProsecutionStatus.PREPARING);
        if (interview.on() == null) {
            throw new InvalidInputException("The interview cannot be recorded",
                    List.of(new Problem("interviewOn", "is required: the date of the interview under caution")));
        }
        this.interview = interview;
    }

    /** The information is laid at court: the offence, the route and the court. */
    void lay(Offence offence, CourtRoute route, String court, LocalDate laidOn, String by) {
        requireStatus(ProsecutionStatus.PREPARING);
        var problems = new ArrayList<Problem>();
        if (esoConsiderationId == null) {
            problems.add(new Problem("esoConsideration", "record first that the LA considered an education "
                    + "supervision order, and why it did not apply for one"));
        }
        if (offence == null) {
            problems.add(new Problem("offence", "is required: S444_1 or S444_1A"));
        } else if (offence == Offence.S444_1A && interview == null) {
            problems.add(new Problem("offence", "a prosecution under section 444(1A) needs an interview under caution "
                    + "recorded first"));
        }
        if (route == null) {
            problems.add(new Problem("route", "is required: SJP (Single Justice Procedure) or HEARING"));
        }
        if (court == null || court.isBlank()) {
            problems.add(new Problem("court", "is required: the magistrates' court"));
        }
        if (laidOn == null) {
            problems.add(new Problem("laidOn", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The prosecution cannot go to court yet", problems);
        }
        this.offence = offence;
        this.route = route;
        this.court = court.strip();
        this.laidOn = laidOn;
        this.laidBy = by;
        status = ProsecutionStatus.AT_COURT;
    }

    void courtDate(CourtDate date) {
        requireStatus(ProsecutionStatus.AT_COURT);
        if (date.hearingOn() == null || date.kind() == null) {
            throw new InvalidInputException("The court date cannot be recorded",
                    List.of(new Problem("hearingOn", "is required, with whether it was set or adjourned")));
        }
        courtDates.add(date);
    }

    void conclude(Outcome outcome) {
        requireStatus(ProsecutionStatus.AT_COURT);
        var problems = new ArrayList<Problem>();
        if (outcome.outcome() == null) {
            problems.add(new Problem("outcome", "is required: one of " + List.of(CourtOutcome.values())));
        } else if (outcome.outcome() == CourtOutcome.FINE) {
            if (outcome.fineAmount() == null || outcome.fineAmount().signum() <= 0) {
                problems.add(new Problem("fineAmount", "is required for a fine"));
            } else if (outcome.fineAmount().compareTo(offence.maximumFine()) > 0) {
                problems.add(new Problem("fineAmount", "is more than the most a court may fine under "
                        + offence.label() + " (" + Money.print(offence.maximumFine()) + ")"));
            }
        } else if (outcome.fineAmount() != null) {
            problems.add(new Problem("fineAmount", "only a fine has an amount"));
        }
        if (outcome.on() == null) {
            problems.add(new Problem("outcomeOn", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The outcome cannot be recorded", problems);
        }
        this.outcome = new Outcome(outcome.outcome(),
                outcome.fineAmount() == null ? null : Money.of(outcome.fineAmount()), outcome.on(), outcome.by());
        status = ProsecutionStatus.CONCLUDED;
    }

    /**
     * A payment was recorded on the notice. Before court the prosecution stops; with a court date set it is flagged
     * "paid: withdraw the case" so the LA withdraws it at court. Answers whether it was flagged.
     */
    boolean noticePaid() {
        if (status == ProsecutionStatus.PREPARING || (status == ProsecutionStatus.AT_COURT && courtDates.isEmpty())) {
            status = ProsecutionStatus.STOPPED;
            stoppedReason = "A payment was recorded on the penalty notice";
            return false;
        }
        if (status == ProsecutionStatus.AT_COURT) {
            paidWithdrawCase = true;
            return true;
        }
        return false;
    }

    /** Ended before court for another reason (e.g. the notice was withdrawn). */
    void stop(String reason) {
        if (status == ProsecutionStatus.CONCLUDED || status == ProsecutionStatus.STOPPED) {
            return;
        }
        status = ProsecutionStatus.STOPPED;
        stoppedReason = reason;
    }

    void linkProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public boolean hasCourtDate() {
        return !courtDates.isEmpty();
    }

    /** The latest hearing date the court set, or null. */
    public LocalDate nextHearing() {
        return courtDates.stream().filter(d -> d.kind() == CourtDate.Kind.SET).map(CourtDate::hearingOn)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private void requireStatus(ProsecutionStatus expected) {
        if (status != expected) {
            throw new LegalConflictException("The prosecution is " + status + "; this step needs it " + expected);
        }
    }

    public UUID noticeId() { return noticeId; }
    public NoticeParent parent() { return parent; }
    public String officer() { return officer; }
    public Instant createdAt() { return createdAt; }
    public List<CourtDate> courtDates() { return Collections.unmodifiableList(courtDates); }
    public UUID esoConsiderationId() { return esoConsiderationId; }
    public Offence offence() { return offence; }
    public Interview interview() { return interview; }
    public CourtRoute route() { return route; }
    public String court() { return court; }
    public LocalDate laidOn() { return laidOn; }
    public String laidBy() { return laidBy; }
    public ProsecutionStatus status() { return status; }
    public Outcome outcome() { return outcome; }
    public String stoppedReason() { return stoppedReason; }
    public boolean paidWithdrawCase() { return paidWithdrawCase; }
    public String processInstanceId() { return processInstanceId; }
}
