package org.openattendance.legal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.openattendance.casework.CaseEventKind;
import org.openattendance.casework.CaseStore;
import org.openattendance.notification.Letters;
import org.openattendance.shared.London;
import org.springframework.stereotype.Component;

/**
 * Gathers the evidence a request for a penalty notice needs from what the system already holds about the pupil:
 * the letters sent to the parents (notification), the meetings and support recorded on the case's timeline,
 * attendance contracts, and the Notice to Improve with its outcome.
 */
@Component
class CaseEvidence {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final String COMPLETED = "Completed: ";

    /** Tasks of the case whose completion is a meeting with the family, by the task's name on the timeline. */
    private static final Map<String, EvidenceKind> TASKS = Map.of(
            "Hold a meeting with the parents", EvidenceKind.MEETING,
            "Hold a Team Around the Family meeting", EvidenceKind.MEETING,
            "Visit the home (safeguarding)", EvidenceKind.MEETING,
            "Agree a support plan", EvidenceKind.SUPPORT,
            "Review the support plan", EvidenceKind.SUPPORT,
            "Agree reasonable adjustments", EvidenceKind.SUPPORT,
            "Offer an attendance contract", EvidenceKind.SUPPORT,
            "Agree a joint approach with the school", EvidenceKind.SUPPORT);

    private final CaseStore cases;
    private final Letters letters;
    private final ContractStore contracts;

    CaseEvidence(CaseStore cases, Letters letters, ContractStore contracts) {
        this.cases = cases;
        this.letters = letters;
        this.contracts = contracts;
    }

    /** Letters, meetings, support and the Notice to Improve, oldest first; letters of the year before the period end. */
    List<EvidenceItem> gather(UUID caseId, long pupilId, NoticeToImprove noticeToImprove, LocalDate periodEnd) {
        var items = new ArrayList<EvidenceItem>();
        LocalDate since = periodEnd.minusYears(1);
        for (Letters.LetterSummary letter : letters.ofPupil(pupilId)) {
            LocalDate sent = letter.createdAt().atZone(London.ZONE).toLocalDate();
            if (!sent.isBefore(since)) {
                items.add(new EvidenceItem(EvidenceKind.LETTER, sent, letter.subject()
                        + (letter.recipients().isEmpty() ? "" : " (to " + String.join(", ", letter.recipients()) + ")")));
            }
        }
        if (caseId != null) {
            for (CaseStore.CaseEvent event : cases.timeline(caseId)) {
                if (event.kind() != CaseEventKind.TASK || event.name() == null || !event.name().startsWith(COMPLETED)) {
                    continue;
                }
                String task = event.name().substring(COMPLETED.length());
                EvidenceKind kind = TASKS.get(task);
                if (kind != null) {
                    items.add(new EvidenceItem(kind, event.at().atZone(London.ZONE).toLocalDate(), task
                            + (event.actor() == null ? "" : " (recorded by " + event.actor() + ")")));
                }
            }
        }
        for (AttendanceContract contract : contracts.ofPupil(pupilId)) {
            items.add(new EvidenceItem(EvidenceKind.SUPPORT, contract.startsOn(), "Attendance contract offered by the "
                    + (contract.offeredBy() == Issuer.LA ? "LA" : "school") + " from " + DAY.format(contract.startsOn())
                    + ": " + contract.status().name().toLowerCase(Locale.UK)
                    + (contract.outcome() == null ? "" : ", outcome " + contract.outcome().name().toLowerCase(Locale.UK).replace('_', ' '))));
        }
        if (noticeToImprove != null) {
            items.add(new EvidenceItem(EvidenceKind.NOTICE_TO_IMPROVE, noticeToImprove.issuedOn(), "Notice to Improve "
                    + "issued on " + DAY.format(noticeToImprove.issuedOn()) + ", improvement period "
                    + DAY.format(noticeToImprove.period().start()) + " to " + DAY.format(noticeToImprove.period().end())
                    + ": " + describe(noticeToImprove)));
        }
        items.sort(Comparator.comparing(EvidenceItem::on, Comparator.nullsLast(Comparator.naturalOrder())));
        return items;
    }

    private static String describe(NoticeToImprove notice) {
        return switch (notice.status()) {
            case OPEN -> "the period is still running";
            case IMPROVED -> "attendance improved enough";
            case NOT_IMPROVED -> "not improved enough (" + notice.assessment().qualifyingSessions()
                    + " sessions counting toward the penalty threshold; the policy allowed "
                    + notice.sufficientImprovement().allowedSessions() + ")";
        };
    }
}
