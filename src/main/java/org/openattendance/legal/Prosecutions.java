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
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prosecutions and the education supervision order considered before each: opened for an unpaid notice or a
 * parent's third occasion, then the consideration, the interview under caution, the information laid, court dates
 * and the outcome, each with the LA officer's name and on the pupil's case.
 */
@Service
public class Prosecutions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ProsecutionStore store;
    private final CaseTimeline timeline;

    Prosecutions(ProsecutionStore store, CaseTimeline timeline) {
        this.store = store;
        this.timeline = timeline;
    }

    /** Opens the prosecution of the parent an unpaid notice was issued to. */
    @Transactional
    Prosecution openForNotice(PenaltyNotice notice, String by) {
        var prosecution = Prosecution.open(notice.caseId(), notice.pupilId(), notice.upn(), notice.schoolUrn(),
                notice.laCode(), notice.id(), notice.parent(), by, LegalEngine.now().toInstant());
        store.insert(prosecution);
        return prosecution;
    }

    /** Opens a prosecution without a notice: a parent's third occasion in three years. */
    @Transactional
    public Prosecution openForParent(UUID caseId, long pupilId, String upn, String schoolUrn, String laCode,
                                     NoticeParent parent, String by) {
        var prosecution = Prosecution.open(caseId, pupilId, upn, schoolUrn, laCode, null, parent, by,
                LegalEngine.now().toInstant());
        store.insert(prosecution);
        timeline.stage(caseId, Stage.PROSECUTION);
        timeline.note(caseId, "The LA decided to prosecute " + parent.name(), null, by);
        return prosecution;
    }

    /** The LA applies for an education supervision order rather than prosecuting (no prosecution is opened). */
    @Transactional
    public EsoConsideration esoApplied(UUID caseId, long pupilId, String upn, String laCode, String reasons, String by) {
        if (reasons == null || reasons.isBlank()) {
            throw new InvalidInputException("The decision cannot be recorded",
                    List.of(new InvalidInputException.Problem("legalRouteReasons", "is required: say why")));
        }
        var consideration = new EsoConsideration(UUID.randomUUID(), caseId, pupilId, upn, laCode, LegalEngine.today(),
                EsoConsideration.Decision.APPLY, reasons.strip(), by, LegalEngine.now().toInstant());
        store.insert(consideration);
        timeline.stage(caseId, Stage.EDUCATION_SUPERVISION_ORDER);
        timeline.note(caseId, "The LA applies for an education supervision order", consideration.reasons(), by);
        return consideration;
    }

    /** The LA records that it considered an education supervision order, and why it applies for one or not. */
    @Transactional
    public Prosecution considerEso(UUID id, EsoConsideration.Decision decision, String reasons, String by) {
        Prosecution prosecution = lock(id);
        if (decision == null || reasons == null || reasons.isBlank()) {
            throw new InvalidInputException("The consideration cannot be recorded", List.of(
                    new InvalidInputException.Problem(decision == null ? "esoDecision" : "esoReasons",
                            decision == null ? "is required: APPLY or NOT_APPLY" : "is required: say why")));
        }
        var consideration = new EsoConsideration(UUID.randomUUID(), prosecution.caseId(), prosecution.pupilId(),
                prosecution.upn(), prosecution.laCode(), LegalEngine.today(), decision, reasons.strip(), by,
                LegalEngine.now().toInstant());
        prosecution.esoConsidered(consideration);
        store.insert(consideration);
        store.update(prosecution);
        if (decision == EsoConsideration.Decision.APPLY) {
            timeline.stage(prosecution.caseId(), Stage.EDUCATION_SUPERVISION_ORDER);
        }
        timeline.note(prosecution.caseId(), decision == EsoConsideration.Decision.APPLY
                ? "The LA applies for an education supervision order instead of prosecuting"
                : "Education supervision order considered: not applied for", consideration.reasons(), by);
        return prosecution;
    }

    @Transactional
    public Prosecution interviewed(UUID id, LocalDate on, String notes, String by) {
        Prosecution prosecution = lock(id);
        prosecution.interviewed(new Prosecution.Interview(on, by, notes == null || notes.isBlank() ? null : notes.strip()));
        store.update(prosecution);
        timeline.note(prosecution.caseId(), "Interview under caution with " + prosecution.parent().name(),
                "on " + DAY.format(on), by);
        return prosecution;
    }

    @Transactional
    public Prosecution lay(UUID id, Offence offence, CourtRoute route, String court, LocalDate laidOn, String by) {
        Prosecution prosecution = lock(id);
        prosecution.lay(offence, route, court, laidOn, by);
        store.update(prosecution);
        timeline.note(prosecution.caseId(), "Prosecution of " + prosecution.parent().name() + " under "
                + offence.label() + " laid at " + prosecution.court(), route == CourtRoute.SJP
                ? "Single Justice Procedure" : "Hearing in open court", by);
        return prosecution;
    }

    @Transactional
    public Prosecution courtDate(UUID id, CourtDate.Kind kind, LocalDate hearingOn, String note, String by) {
        Prosecution prosecution = lock(id);
        var date = new CourtDate(hearingOn, kind, note == null || note.isBlank() ? null : note.strip(), by,
                LegalEngine.now().toInstant());
        prosecution.courtDate(date);
        store.addCourtDate(id, date);
        timeline.note(prosecution.caseId(), (kind == CourtDate.Kind.SET ? "Court date set: " : "Hearing adjourned: ")
                + DAY.format(hearingOn), date.note(), by);
        return prosecution;
    }

    @Transactional
    public Prosecution conclude(UUID id, CourtOutcome outcome, BigDecimal fineAmount, LocalDate on, String by) {
        Prosecution prosecution = lock(id);
        prosecution.conclude(new Prosecution.Outcome(outcome, fineAmount, on, by));
        store.update(prosecution);
        timeline.note(prosecution.caseId(), "Court outcome for " + prosecution.parent().name() + ": "
                + describe(prosecution.outcome()), null, by);
        return prosecution;
    }

    /** The notice was paid: its open prosecutions stop, or are flagged "paid: withdraw the case". Answers them. */
    @Transactional
    List<Prosecution> noticePaid(UUID noticeId) {
        var changed = new ArrayList<Prosecution>();
        for (Prosecution open : store.openForNotice(noticeId)) {
            Prosecution prosecution = lock(open.id());
            prosecution.noticePaid();
            store.update(prosecution);
            changed.add(prosecution);
        }
        return changed;
    }

    @Transactional
    void stopForNotice(UUID noticeId, String reason) {
        for (Prosecution open : store.openForNotice(noticeId)) {
            Prosecution prosecution = lock(open.id());
            prosecution.stop(reason);
            store.update(prosecution);
        }
    }

    @Transactional
    public void linkProcess(UUID id, String processInstanceId) {
        Prosecution prosecution = lock(id);
        prosecution.linkProcess(processInstanceId);
        store.update(prosecution);
    }

    /** Unchecked: the caller checks the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<Prosecution> find(UUID id) {
        return store.find(id);
    }

    @Transactional(readOnly = true)
    public List<Prosecution> ofPupil(long pupilId) {
        return store.ofPupil(pupilId);
    }

    @Transactional(readOnly = true)
    public Optional<EsoConsideration> consideration(UUID id) {
        return store.findConsideration(id);
    }

    @Transactional(readOnly = true)
    public List<EsoConsideration> considerationsOf(long pupilId) {
        return store.considerationsOf(pupilId);
    }

    private Prosecution lock(UUID id) {
        return store.lock(id).orElseThrow(() -> new NotFoundException("No prosecution " + id));
    }

    static String describe(Prosecution.Outcome outcome) {
        return switch (outcome.outcome()) {
            case FINE -> "fined " + Money.print(outcome.fineAmount());
            case CONDITIONAL_DISCHARGE -> "conditional discharge";
            case PARENTING_ORDER -> "parenting order";
            case WITHDRAWN -> "case withdrawn";
            case NOT_GUILTY -> "not guilty";
        } + " on " + DAY.format(outcome.on());
    }
}
