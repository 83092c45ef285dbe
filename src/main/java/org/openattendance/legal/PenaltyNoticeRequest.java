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
 * A school's request to the LA for penalty notices for one pupil, with the evidence it rests on. Its transitions are
 * the LA's decisions: approve, refuse (with reasons the school sees) or ask for more information, which the school
 * supplies before the LA decides again.
 */
public class PenaltyNoticeRequest extends LegalRecord {

    /** The LA's decision on the request. */
    public record Decision(String by, Instant at, String reasons) {
    }

    private final RequestRoute route;
    private final UUID noticeToImproveId;
    private final LocalDate periodFrom;
    private final LocalDate periodTo;
    private final HolidayDeadline holiday;
    private final String schoolStatement;
    private final String requestedBy;
    private final Instant requestedAt;
    private final List<RequestParent> parents;
    private final List<NoticeSession> sessions;
    private final List<EvidenceItem> evidence;
    private RequestStatus status;
    private String informationRequested;
    private String informationSupplied;
    private Decision decision;
    private String processInstanceId;

    PenaltyNoticeRequest(UUID id, UUID caseId, long pupilId, String upn, String schoolUrn, String laCode,
                         RequestRoute route, UUID noticeToImproveId, LocalDate periodFrom, LocalDate periodTo,
                         HolidayDeadline holiday, String schoolStatement, String requestedBy, Instant requestedAt,
                         List<RequestParent> parents, List<NoticeSession> sessions, List<EvidenceItem> evidence,
                         RequestStatus status, String informationRequested, String informationSupplied,
                         Decision decision, String processInstanceId) {
        super(id, caseId, pupilId, upn, schoolUrn, laCode);
        this.route = route;
        this.noticeToImproveId = noticeToImproveId;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.holiday = holiday;
        this.schoolStatement = schoolStatement;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.parents = new ArrayList<>(parents);
        this.sessions = List.copyOf(sessions);
        this.evidence = List.copyOf(evidence);
        this.status = status;
        this.informationRequested = informationRequested;
        this.informationSupplied = informationSupplied;
        this.decision = decision;
        this.processInstanceId = processInstanceId;
    }

    /** The LA issues notices: what the policy gave each parent is kept on the request. */
    void approve(String by, String reasons, Instant at, List<RequestParent> outcomes) {
        requireSubmitted();
        status = RequestStatus.APPROVED;
        decision = new Decision(by, at, blankToNull(reasons));
        parents.clear();
        parents.addAll(outcomes);
    }

    /** The LA refuses; the school sees the reasons. */
    void refuse(String by, String reasons, Instant at) {
        requireSubmitted();
        requireText("decisionReasons", reasons, "say why the request is refused: the school sees this");
        status = RequestStatus.REFUSED;
        decision = new Decision(by, at, reasons.strip());
    }

    /** The LA asks the school for more before it decides. */
    void askForMoreInformation(String by, String question, Instant at) {
        requireSubmitted();
        requireText("decisionReasons", question, "say what the school must add");
        status = RequestStatus.MORE_INFORMATION_REQUESTED;
        informationRequested = question.strip();
        decision = null;
    }

    /** The school answers the LA's question; the request goes back to the LA. */
    void supplyInformation(String answer) {
        if (status != RequestStatus.MORE_INFORMATION_REQUESTED) {
            throw new LegalConflictException("The LA has not asked for more information on this request; it is " + status);
        }
        requireText("informationSupplied", answer, "the information the LA asked for");
        informationSupplied = informationSupplied == null ? answer.strip() : informationSupplied + "\n\n" + answer.strip();
        status = RequestStatus.SUBMITTED;
    }

    void linkProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    private void requireSubmitted() {
        if (status != RequestStatus.SUBMITTED) {
            throw new LegalConflictException("The request is " + status + ", not waiting for the LA's decision");
        }
    }

    private static void requireText(String field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("The decision cannot be recorded", List.of(new Problem(field, "is required: " + what)));
        }
        if (value.length() > 4000) {
            throw new InvalidInputException("The decision cannot be recorded",
                    List.of(new Problem(field, "is longer than 4000 characters")));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public RequestRoute route() { return route; }
    public UUID noticeToImproveId() { return noticeToImproveId; }
    public LocalDate periodFrom() { return periodFrom; }
    public LocalDate periodTo() { return periodTo; }
    public HolidayDeadline holiday() { return holiday; }
    public boolean late() { return holiday != null && holiday.late(); }
    public String schoolStatement() { return schoolStatement; }
    public String requestedBy() { return requestedBy; }
    public Instant requestedAt() { return requestedAt; }
    public List<RequestParent> parents() { return Collections.unmodifiableList(parents); }
    public List<NoticeSession> sessions() { return sessions; }
    public List<EvidenceItem> evidence() { return evidence; }
    public RequestStatus status() { return status; }
    public String informationRequested() { return informationRequested; }
    public String informationSupplied() { return informationSupplied; }
    public Decision decision() { return decision; }
    public String processInstanceId() { return processInstanceId; }
}
