package org.openattendance.legal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.openattendance.school.SchoolDays;
import org.openattendance.casework.Stage;
import org.openattendance.school.Parent;
import org.openattendance.school.Pupil;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues Notices to Improve and follows them to their outcome: the improvement period from the policy on the
 * school's calendar, the recipients (each parent with parental responsibility who lives with the pupil), the
 * period's register compared with the policy, and the school's decision on what follows.
 */
@Service
public class NoticesToImprove {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** What the school (or the LA) gives when it issues a notice. */
    public record IssueCommand(UUID caseId, String upn, Issuer issuedBy, String officer, String supportGiven,
                               String supportAvailable) {
    }

    private final NoticeToImproveStore store;
    private final SchoolDirectory directory;
    private final SchoolDays schoolDays;
    private final LegalPolicy policy;
    private final CaseTimeline timeline;
    private final PupilRegister register;

    NoticesToImprove(NoticeToImproveStore store, SchoolDirectory directory, SchoolDays schoolDays, LegalPolicy policy,
                     CaseTimeline timeline, PupilRegister register) {
        this.store = store;
        this.directory = directory;
        this.schoolDays = schoolDays;
        this.policy = policy;
        this.timeline = timeline;
        this.register = register;
    }

    /**
     * Issues a notice today: the period runs from tomorrow for the policy's number of school weeks on the school's
     * calendar; the policy's meaning of sufficient improvement is written into it.
     */
    @Transactional
    public NoticeToImprove issue(IssueCommand command) {
        Pupil pupil = directory.pupil(command.upn()).orElseThrow(() -> new NotFoundException("No pupil with UPN " + command.upn()));
        String laCode = directory.school(pupil.getSchoolUrn()).orElseThrow().getLaCode();
        LocalDate today = LegalEngine.today();
        LegalPolicy.Item weeks = policy.improvementWeeks();
        LegalPolicy.Item allowed = policy.item("ntiAllowedSessions");
        var period = new ImprovementPeriod(today.plusDays(1),
                schoolDays.schoolWeeksAfter(pupil.getSchoolUrn(), today, weeks.value()), weeks.value());
        var notice = NoticeToImprove.issue(command.caseId(), pupil.getId(), pupil.getUpn(), pupil.getSchoolUrn(), laCode,
                command.issuedBy(), command.officer(), today, period,
                new SufficientImprovement(allowed.value(), allowed.meaning(), LegalPolicy.POLICY, allowed.version()),
                register.recordText(pupil.getId(), today), command.supportGiven(), command.supportAvailable(),
                recipients(pupil), LegalEngine.now().toInstant());
        store.insert(notice);
        timeline.decision(command.caseId(), "Notice to Improve: an improvement period of " + weeks.meaning(),
                "ntiPeriodWeeks = " + weeks.value(), LegalPolicy.POLICY, weeks.version());
        timeline.decision(command.caseId(), "Notice to Improve: sufficient improvement means " + allowed.meaning(),
                "ntiAllowedSessions = " + allowed.value(), LegalPolicy.POLICY, allowed.version());
        timeline.stage(command.caseId(), Stage.NOTICE_TO_IMPROVE);
        timeline.note(command.caseId(), "Notice to Improve issued", "To " + names(notice.recipients())
                + "; improvement period " + DAY.format(period.start()) + " to " + DAY.format(period.end()) + " ("
                + period.schoolWeeks() + " school weeks)", command.officer());
        return notice;
    }

    /** The period is over: compares its register with the policy; improved, or not. */
    @Transactional
    public NoticeToImprove assess(UUID id) {
        NoticeToImprove notice = store.lock(id).orElseThrow(() -> new NotFoundException("No Notice to Improve " + id));
        var figures = register.figures(notice.pupilId(), notice.period().start(), notice.period().end());
        notice.assess(figures.possible(), figures.qualifying().size(), LegalEngine.now().toInstant());
        store.update(notice);
        timeline.decision(notice.caseId(), "Notice to Improve period over: "
                        + (notice.status() == NoticeToImproveStatus.IMPROVED ? "improved" : "not improved") + " ("
                        + figures.qualifying().size() + " sessions counting toward the penalty threshold; the policy allows "
                        + notice.sufficientImprovement().allowedSessions() + ")",
                figures.qualifying().size() + " sessions counting toward the penalty threshold from "
                        + DAY.format(notice.period().start()) + " to " + DAY.format(notice.period().end())
                        + " (" + figures.possible() + " possible); sufficient improvement: "
                        + notice.sufficientImprovement().meaning(),
                notice.sufficientImprovement().policyKey(), notice.sufficientImprovement().policyVersion());
        return notice;
    }

    /** The school's decision after a period without sufficient improvement. */
    @Transactional
    public NoticeToImprove decideNextStep(UUID id, NextStep step, String reason, String by) {
        NoticeToImprove notice = store.lock(id).orElseThrow(() -> new NotFoundException("No Notice to Improve " + id));
        notice.decide(step, reason, by, LegalEngine.now().toInstant());
        store.update(notice);
        timeline.note(notice.caseId(), step == NextStep.REQUEST_PENALTY_NOTICE
                ? "After the Notice to Improve: the school asks for a penalty notice"
                : "After the Notice to Improve: no penalty notice requested", notice.decision().reason(), by);
        return notice;
    }

    @Transactional
    public void linkProcess(UUID id, String processInstanceId) {
        NoticeToImprove notice = store.lock(id).orElseThrow(() -> new NotFoundException("No Notice to Improve " + id));
        notice.linkProcess(processInstanceId);
        store.update(notice);
    }

    /** Unchecked: the caller checks the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<NoticeToImprove> find(UUID id) {
        return store.find(id);
    }

    /** The pupil's notices, newest first. Unchecked: the caller checks the caller's scope. */
    @Transactional(readOnly = true)
    public List<NoticeToImprove> ofPupil(long pupilId) {
        return store.ofPupil(pupilId);
    }

    /** Each parent with parental responsibility who lives with the pupil. */
    static List<NoticeParent> recipients(Pupil pupil) {
        return pupil.getParents().stream().filter(Parent::hasParentalResponsibility).filter(Parent::livesWithPupil)
                .map(p -> new NoticeParent(p.getName(), p.getAddress(), null, p.getEmail())).toList();
    }

    private static String names(List<NoticeParent> parents) {
        return String.join(" and ", parents.stream().map(NoticeParent::name).toList());
    }
}
