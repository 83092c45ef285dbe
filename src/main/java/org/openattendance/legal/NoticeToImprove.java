package org.openattendance.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;

/**
 * A Notice to Improve: a formal warning to each parent with parental responsibility who lives with the pupil, with
 * the attendance record, the support given and still available, and an improvement period. Its transitions: the
 * period's register assessed against the policy (improved or not), then, when not improved, the school's decision
 * whether to ask the LA for a penalty notice.
 */
public class NoticeToImprove extends LegalRecord {

    /** The register of the improvement period as compared with the policy. */
    public record Assessment(int possibleSessions, int qualifyingSessions, Instant at) {
    }

    /** The school's decision after a period without sufficient improvement. */
    public record Decision(NextStep step, String reason, String by, Instant at) {
    }

    private final Issuer issuedBy;
    private final String officer;
    private final LocalDate issuedOn;
    private final ImprovementPeriod period;
    private final SufficientImprovement sufficientImprovement;
    private final String attendanceRecord;
    private final String supportGiven;
    private final String supportAvailable;
    private final List<NoticeParent> recipients;
    private final Instant createdAt;
    private NoticeToImproveStatus status;
    private Assessment assessment;
    private Decision decision;
    private String processInstanceId;

    NoticeToImprove(UUID id, UUID caseId, long pupilId, String upn, String schoolUrn, String laCode, Issuer issuedBy,
                    String officer, LocalDate issuedOn, ImprovementPeriod period,
                    SufficientImprovement sufficientImprovement, String attendanceRecord, String supportGiven,
                    String supportAvailable, List<NoticeParent> recipients, Instant createdAt,
                    NoticeToImproveStatus status, Assessment assessment, Decision decision, String processInstanceId) {
        super(id, caseId, pupilId, upn, schoolUrn, laCode);
        this.issuedBy = issuedBy;
        this.officer = officer;
        this.issuedOn = issuedOn;
        this.period = period;
        this.sufficientImprovement = sufficientImprovement;
        this.attendanceRecord = attendanceRecord;
        this.supportGiven = supportGiven;
        this.supportAvailable = supportAvailable;
        this.recipients = List.copyOf(recipients);
        this.createdAt = createdAt;
        this.status = status;
        this.assessment = assessment;
        this.decision = decision;
        this.processInstanceId = processInstanceId;
    }

    static NoticeToImprove issue(UUID caseId, long pupilId, String upn, String schoolUrn, String laCode, Issuer issuedBy,
                                 String officer, LocalDate issuedOn, ImprovementPeriod period,
                                 SufficientImprovement sufficientImprovement, String attendanceRecord,
                                 String supportGiven, String supportAvailable, List<NoticeParent> recipients,
                                 Instant now) {
        var problems = new java.util.ArrayList<Problem>();
        if (recipients.isEmpty()) {
            problems.add(new Problem("parents", "the pupil has no parent with parental responsibility who lives with "
                    + "them on record: add the parents to the pupil's record first"));
        }
        require(problems, "supportGiven", supportGiven, "the support the school has given");
        require(problems, "supportAvailable", supportAvailable, "the support that is still available");
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The Notice to Improve cannot be issued", problems);
        }
        return new NoticeToImprove(UUID.randomUUID(), caseId, pupilId, upn, schoolUrn, laCode, issuedBy, officer,
                issuedOn, period, sufficientImprovement, attendanceRecord, supportGiven.strip(),
                supportAvailable.strip(), recipients, now, NoticeToImproveStatus.OPEN, null, null, null);
    }

    /** The period is over: its register against the policy decides whether attendance improved enough. */
    Assessment assess(int possibleSessions, int qualifyingSessions, Instant at) {
        if (status != NoticeToImproveStatus.OPEN) {
            throw new LegalConflictException("This Notice to Improve was already assessed: " + status);
        }
        assessment = new Assessment(possibleSessions, qualifyingSessions, at);
        status = qualifyingSessions <= sufficientImprovement.allowedSessions()
                ? NoticeToImproveStatus.IMPROVED : NoticeToImproveStatus.NOT_IMPROVED;
        return assessment;
    }

    /** Not improved: the school asks the LA for a penalty notice, or says why not. */
    void decide(NextStep step, String reason, String by, Instant at) {
        if (status != NoticeToImproveStatus.NOT_IMPROVED) {
            throw new LegalConflictException("Only a Notice to Improve whose period ended without sufficient "
                    + "improvement needs a decision; this one is " + status);
        }
        if (decision != null) {
            throw new LegalConflictException("The school already decided: " + decision.step());
        }
        if (step == NextStep.NO_REQUEST && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("Say why no penalty notice is requested",
                    List.of(new Problem("reason", "is required when no penalty notice is requested")));
        }
        decision = new Decision(step, reason == null ? null : reason.strip(), by, at);
    }

    void linkProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    private static void require(List<Problem> problems, String field, String value, String what) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "is required: " + what));
        }
    }

    public Issuer issuedBy() { return issuedBy; }
    public String officer() { return officer; }
    public LocalDate issuedOn() { return issuedOn; }
    public ImprovementPeriod period() { return period; }
    public SufficientImprovement sufficientImprovement() { return sufficientImprovement; }
    public String attendanceRecord() { return attendanceRecord; }
    public String supportGiven() { return supportGiven; }
    public String supportAvailable() { return supportAvailable; }
    public List<NoticeParent> recipients() { return recipients; }
    public Instant createdAt() { return createdAt; }
    public NoticeToImproveStatus status() { return status; }
    public Assessment assessment() { return assessment; }
    public Decision decision() { return decision; }
    public String processInstanceId() { return processInstanceId; }
}
