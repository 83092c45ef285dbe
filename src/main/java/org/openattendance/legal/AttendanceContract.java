package org.openattendance.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;

/**
 * An attendance (parenting) contract: a voluntary written agreement between the parents and the school or the LA,
 * with commitments on both sides, the support offered and review dates. Not binding; its outcome is evidence.
 * Transitions: agreed or declined, a review held, ended with an outcome.
 */
public class AttendanceContract extends LegalRecord {

    private final Issuer offeredBy;
    private final String parties;
    private final String parentCommitments;
    private final String providerCommitments;
    private final String supportOffered;
    private final LocalDate startsOn;
    private final String officer;
    private final Instant createdAt;
    private final List<ContractReview> reviews;
    private ContractStatus status;
    private ContractOutcome outcome;
    private String outcomeNotes;
    private String outcomeBy;
    private Instant outcomeAt;

    AttendanceContract(UUID id, UUID caseId, long pupilId, String upn, String schoolUrn, String laCode,
                       Issuer offeredBy, String parties, String parentCommitments, String providerCommitments,
                       String supportOffered, LocalDate startsOn, String officer, Instant createdAt,
                       List<ContractReview> reviews, ContractStatus status, ContractOutcome outcome,
                       String outcomeNotes, String outcomeBy, Instant outcomeAt) {
        super(id, caseId, pupilId, upn, schoolUrn, laCode);
        this.offeredBy = offeredBy;
        this.parties = parties;
        this.parentCommitments = parentCommitments;
        this.providerCommitments = providerCommitments;
        this.supportOffered = supportOffered;
        this.startsOn = startsOn;
        this.officer = officer;
        this.createdAt = createdAt;
        this.reviews = new ArrayList<>(reviews);
        this.status = status;
        this.outcome = outcome;
        this.outcomeNotes = outcomeNotes;
        this.outcomeBy = outcomeBy;
        this.outcomeAt = outcomeAt;
    }

    /** A contract offered to the parents, with its review dates (at least one, on or after the start). */
    static AttendanceContract offer(UUID caseId, long pupilId, String upn, String schoolUrn, String laCode,
                                    Issuer offeredBy, String parties, String parentCommitments,
                                    String providerCommitments, String supportOffered, LocalDate startsOn,
                                    List<LocalDate> reviewDates, String officer, Instant now) {
        var problems = new ArrayList<Problem>();
        require(problems, "parties", parties, "who the contract is between");
        require(problems, "parentCommitments", parentCommitments, "what the parents agree to do");
        require(problems, "providerCommitments", providerCommitments, "what the school or LA agrees to do");
        require(problems, "supportOffered", supportOffered, "the support offered");
        if (startsOn == null) {
            problems.add(new Problem("startsOn", "is required"));
        }
        if (reviewDates == null || reviewDates.isEmpty()) {
            problems.add(new Problem("reviewDates", "give at least one review date"));
        } else if (startsOn != null && reviewDates.stream().anyMatch(d -> d == null || d.isBefore(startsOn))) {
            problems.add(new Problem("reviewDates", "every review date must be on or after the start"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The attendance contract cannot be recorded", problems);
        }
        var reviews = reviewDates.stream().sorted().distinct().map(d -> new ContractReview(d, null, null, null)).toList();
        return new AttendanceContract(UUID.randomUUID(), caseId, pupilId, upn, schoolUrn, laCode, offeredBy,
                parties.strip(), parentCommitments.strip(), providerCommitments.strip(), supportOffered.strip(),
                startsOn, officer, now, reviews, ContractStatus.OFFERED, null, null, null, null);
    }

    void agreed() {
        if (status != ContractStatus.OFFERED) {
            throw new LegalConflictException("The contract is " + status + ", not waiting for the parents");
        }
        status = ContractStatus.AGREED;
    }

    void declined(String notes, String by, Instant at) {
        if (status != ContractStatus.OFFERED) {
            throw new LegalConflictException("The contract is " + status + ", not waiting for the parents");
        }
        end(ContractOutcome.DECLINED, notes, by, at);
        status = ContractStatus.DECLINED;
    }

    /** Holds the earliest review not yet held. */
    ContractReview review(String notes, String by, Instant at) {
        if (status != ContractStatus.AGREED) {
            throw new LegalConflictException("Only an agreed contract is reviewed; this one is " + status);
        }
        for (int i = 0; i < reviews.size(); i++) {
            if (!reviews.get(i).held()) {
                var held = new ContractReview(reviews.get(i).reviewOn(), at, notes == null ? null : notes.strip(), by);
                reviews.set(i, held);
                return held;
            }
        }
        throw new LegalConflictException("Every review of this contract has been held");
    }

    void close(ContractOutcome outcome, String notes, String by, Instant at) {
        if (status != ContractStatus.AGREED) {
            throw new LegalConflictException("Only an agreed contract can end with an outcome; this one is " + status);
        }
        if (outcome == null || outcome == ContractOutcome.DECLINED) {
            throw new InvalidInputException("The contract cannot be closed",
                    List.of(new Problem("outcome", "is required: KEPT, NOT_KEPT or ENDED_EARLY")));
        }
        end(outcome, notes, by, at);
        status = ContractStatus.ENDED;
    }

    private void end(ContractOutcome outcome, String notes, String by, Instant at) {
        this.outcome = outcome;
        this.outcomeNotes = notes == null || notes.isBlank() ? null : notes.strip();
        this.outcomeBy = by;
        this.outcomeAt = at;
    }

    /** The next review not yet held, if any. */
    public ContractReview nextReview() {
        return reviews.stream().filter(r -> !r.held()).findFirst().orElse(null);
    }

    private static void require(List<Problem> problems, String field, String value, String what) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "is required: " + what));
        } else if (value.length() > 4000) {
            problems.add(new Problem(field, "is longer than 4000 characters"));
        }
    }

    public Issuer offeredBy() { return offeredBy; }
    public String parties() { return parties; }
    public String parentCommitments() { return parentCommitments; }
    public String providerCommitments() { return providerCommitments; }
    public String supportOffered() { return supportOffered; }
    public LocalDate startsOn() { return startsOn; }
    public String officer() { return officer; }
    public Instant createdAt() { return createdAt; }
    public List<ContractReview> reviews() { return Collections.unmodifiableList(reviews); }
    public ContractStatus status() { return status; }
    public ContractOutcome outcome() { return outcome; }
    public String outcomeNotes() { return outcomeNotes; }
    public String outcomeBy() { return outcomeBy; }
    public Instant outcomeAt() { return outcomeAt; }
}
