package org.openattendance.legal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openattendance.school.SchoolDays;
import org.openattendance.casework.Stage;
import org.openattendance.school.Parent;
import org.openattendance.school.Pupil;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school's request for penalty notices and the LA's decision. A request gathers its evidence from the case and
 * cannot be sent while a required item is missing ({@link EvidenceCheck} names each one); the LA approves it (the
 * notices are issued, one per parent, as the policy allows), refuses it with reasons the school sees, or asks for
 * more information, which the school supplies.
 */
@Service
public class PenaltyRequests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** What the request page offers before the school fills it in: the evidence found and the parents on record. */
    public record Draft(RequestRoute route, LocalDate periodFrom, LocalDate periodTo, RequestEvidence evidence,
                        List<RequestForm.ParentLine> parents, List<InvalidInputException.Problem> missing) {
    }

    private final PenaltyRequestStore store;
    private final NoticeToImproveStore noticesToImprove;
    private final PenaltyNoticeStore notices;
    private final PenaltyNotices issuing;
    private final SchoolDirectory directory;
    private final SchoolDays schoolDays;
    private final PupilRegister register;
    private final CaseEvidence caseEvidence;
    private final LegalPolicy policy;
    private final CaseTimeline timeline;

    PenaltyRequests(PenaltyRequestStore store, NoticeToImproveStore noticesToImprove, PenaltyNoticeStore notices,
                    PenaltyNotices issuing, SchoolDirectory directory, SchoolDays schoolDays, PupilRegister register,
                    CaseEvidence caseEvidence, LegalPolicy policy, CaseTimeline timeline) {
        this.store = store;
        this.noticesToImprove = noticesToImprove;
        this.notices = notices;
        this.issuing = issuing;
        this.directory = directory;
        this.schoolDays = schoolDays;
        this.register = register;
        this.caseEvidence = caseEvidence;
        this.policy = policy;
        this.timeline = timeline;
    }

    /**
     * What the case holds for a request over this period: qualifying sessions not yet on a notice, sessions still
     * coded N, school weeks spanned, the latest Notice to Improve, letters, meetings and support, and for a
     * term-time holiday the deadline (POLICY) counted from the pupil's return.
     */
    @Transactional // not read-only: the policy look-ups (DMN) write their decision history
    public RequestEvidence evidence(UUID caseId, Pupil pupil, RequestRoute route, LocalDate from, LocalDate to) {
        var figures = register.figures(pupil.getId(), from, to);
        Set<NoticeSession> inUse = notices.sessionsInUse(pupil.getId(), from, to);
        var qualifying = figures.qualifying().stream().filter(s -> !inUse.contains(s)).toList();
        NoticeToImprove latest = noticesToImprove.ofPupil(pupil.getId()).stream().findFirst().orElse(null);
        int weeks = schoolDays.schoolWeeksBetween(pupil.getSchoolUrn(), from, to);
        HolidayDeadline holiday = route == RequestRoute.TERM_TIME_HOLIDAY
                ? holidayDeadline(pupil.getSchoolUrn(), qualifying, LegalEngine.today()) : null;
        return new RequestEvidence(qualifying, figures.unexplained(), weeks, latest,
                caseEvidence.gather(caseId, pupil.getId(), latest, to), holiday);
    }

    /**
     * A starting point for the request page: the route (a term-time holiday when the pupil has G sessions in the
     * penalty window and no Notice to Improve waits for a decision), the period (the last 10 school weeks), the
     * parents with parental responsibility (dates of birth to be filled in) and what is still missing.
     */
    @Transactional // not read-only: the policy look-ups (DMN) write their decision history
    public Draft draft(UUID caseId, Pupil pupil) {
        LocalDate to = LegalEngine.today().minusDays(1);
        LocalDate from = PenaltyWindow.start(schoolDays, pupil.getSchoolUrn(), to);
        var notice = noticesToImprove.ofPupil(pupil.getId()).stream().findFirst();
        boolean holidaySessions = register.figures(pupil.getId(), from, to).qualifying().stream()
                .anyMatch(s -> "G".equals(s.code()));
        RequestRoute route = notice.filter(n -> n.status() == NoticeToImproveStatus.NOT_IMPROVED).isPresent() || !holidaySessions
                ? RequestRoute.NOT_IMPROVED_AFTER_NOTICE : RequestRoute.TERM_TIME_HOLIDAY;
        var evidence = evidence(caseId, pupil, route, from, to);
        var parents = pupil.getParents().stream().filter(Parent::hasParentalResponsibility)
                .map(p -> new RequestForm.ParentLine(p.getName(), p.getAddress(), null, p.getEmail())).toList();
        var form = new RequestForm(route, from, to, parents, null);
        return new Draft(route, from, to, evidence, parents, EvidenceCheck.problems(form, evidence, LegalEngine.today()));
    }

    /**
     * What the case holds for the request as the school has filled it in so far (its route and period), and what is
     * still missing or wrong, without sending anything: the request page's "Check the evidence".
     */
    @Transactional // not read-only: the policy look-ups (DMN) write their decision history
    public Draft check(UUID caseId, Pupil pupil, RequestForm form) {
        RequestEvidence evidence = evidenceFor(caseId, pupil, form);
        return new Draft(form.route(), form.periodFrom(), form.periodTo(), evidence, form.parents(),
                EvidenceCheck.problems(form, evidence, LegalEngine.today()));
    }

    private RequestEvidence evidenceFor(UUID caseId, Pupil pupil, RequestForm form) {
        return form.route() == null || form.periodFrom() == null || form.periodTo() == null
                || form.periodTo().isBefore(form.periodFrom())
                ? new RequestEvidence(List.of(), List.of(), 0, null, List.of(), null)
                : evidence(caseId, pupil, form.route(), form.periodFrom(), form.periodTo());
    }

    /**
     * The school sends its request. Nothing is stored while a required item is missing: the answer names each one.
     * One request per pupil may be with the LA at a time.
     */
    @Transactional
    public PenaltyNoticeRequest submit(UUID caseId, String upn, RequestForm form, String by) {
        Pupil pupil = directory.pupil(upn).orElseThrow(() -> new NotFoundException("No pupil with UPN " + upn));
        if (!store.openOfPupil(pupil.getId()).isEmpty()) {
            throw new LegalConflictException("A request for a penalty notice for this pupil is already with the LA");
        }
        LocalDate today = LegalEngine.today();
        RequestEvidence evidence = evidenceFor(caseId, pupil, form);
        var problems = EvidenceCheck.problems(form, evidence, today);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The request cannot be sent: " + problems.size() + " item(s) missing or wrong",
                    problems);
        }
        String laCode = directory.school(pupil.getSchoolUrn()).orElseThrow().getLaCode();
        UUID noticeToImprove = form.route() == RequestRoute.NOT_IMPROVED_AFTER_NOTICE ? evidence.noticeToImprove().id() : null;
        var request = new PenaltyNoticeRequest(UUID.randomUUID(), caseId, pupil.getId(), pupil.getUpn(),
                pupil.getSchoolUrn(), laCode, form.route(), noticeToImprove, form.periodFrom(), form.periodTo(),
                evidence.holiday(), form.schoolStatement().strip(), by, LegalEngine.now().toInstant(),
                form.parents().stream().map(p -> RequestParent.asked(p.toParent())).toList(),
                evidence.qualifyingSessions(), evidence.items(), RequestStatus.SUBMITTED, null, null, null, null);
        try {
            store.insert(request);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new LegalConflictException("A request for a penalty notice for this pupil is already with the LA");
        }
        timeline.stage(caseId, Stage.PENALTY_NOTICE_REQUEST);
        if (evidence.holiday() != null) {
            timeline.decision(caseId, (evidence.holiday().late() ? "Holiday request made late: it was due by "
                    : "Holiday request in time: due by ") + DAY.format(evidence.holiday().deadline()), "back at school on "
                    + DAY.format(evidence.holiday().returnDate()) + "; request due by "
                    + DAY.format(evidence.holiday().deadline()) + (evidence.holiday().late() ? "; the request is LATE" : ""),
                    LegalPolicy.POLICY, evidence.holiday().policyVersion());
        }
        timeline.note(caseId, "Penalty notice requested from the LA" + (request.late() ? " (late)" : ""),
                request.sessions().size() + " qualifying sessions from " + DAY.format(request.periodFrom()) + " to "
                        + DAY.format(request.periodTo()) + "; for " + String.join(" and ",
                        request.parents().stream().map(p -> p.parent().name()).toList()), by);
        return request;
    }

    /** The LA approves: a notice for each parent the policy allows; the others go to the route decision. */
    @Transactional
    public PenaltyNoticeRequest approve(UUID id, String by, String reasons) {
        PenaltyNoticeRequest request = lock(id);
        if (request.status() != RequestStatus.SUBMITTED) {
            throw new LegalConflictException("The request is " + request.status() + ", not waiting for the LA's decision");
        }
        List<RequestParent> outcomes = issuing.issueFor(request, by);
        request.approve(by, reasons, LegalEngine.now().toInstant(), outcomes);
        store.update(request);
        timeline.note(request.caseId(), "The LA approved the request for a penalty notice", reasons, by);
        boolean anyNotice = outcomes.stream().anyMatch(o -> o.outcome() == RequestParent.Outcome.NOTICE_ISSUED);
        timeline.stage(request.caseId(), anyNotice ? Stage.PENALTY_NOTICE : Stage.LEGAL_ROUTE_DECISION);
        return request;
    }

    @Transactional
    public PenaltyNoticeRequest refuse(UUID id, String by, String reasons) {
        PenaltyNoticeRequest request = lock(id);
        request.refuse(by, reasons, LegalEngine.now().toInstant());
        store.update(request);
        timeline.note(request.caseId(), "The LA refused the request for a penalty notice", request.decision().reasons(), by);
        return request;
    }

    @Transactional
    public PenaltyNoticeRequest askForMoreInformation(UUID id, String by, String question) {
        PenaltyNoticeRequest request = lock(id);
        request.askForMoreInformation(by, question, LegalEngine.now().toInstant());
        store.update(request);
        timeline.note(request.caseId(), "The LA asked the school for more information", request.informationRequested(), by);
        return request;
    }

    @Transactional
    public PenaltyNoticeRequest supplyInformation(UUID id, String by, String answer) {
        PenaltyNoticeRequest request = lock(id);
        request.supplyInformation(answer);
        store.update(request);
        timeline.note(request.caseId(), "The school supplied the information the LA asked for", answer == null ? null : answer.strip(), by);
        return request;
    }

    @Transactional
    public void linkProcess(UUID id, String processInstanceId) {
        PenaltyNoticeRequest request = lock(id);
        request.linkProcess(processInstanceId);
        store.update(request);
    }

    /** Unchecked: the caller checks the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<PenaltyNoticeRequest> find(UUID id) {
        return store.find(id);
    }

    /** The pupil's requests, newest first. Unchecked: the caller checks the caller's scope. */
    @Transactional(readOnly = true)
    public List<PenaltyNoticeRequest> ofPupil(long pupilId) {
        return store.ofPupil(pupilId);
    }

    private PenaltyNoticeRequest lock(UUID id) {
        return store.lock(id).orElseThrow(() -> new NotFoundException("No request for a penalty notice " + id));
    }

    /**
     * The pupil's first school day after the last G session of the period, and the last day to ask (the policy's
     * number of school days after it). Null when the period has no G session.
     */
    private HolidayDeadline holidayDeadline(String schoolUrn, List<NoticeSession> qualifying, LocalDate today) {
        var lastHoliday = qualifying.stream().filter(s -> "G".equals(s.code())).map(NoticeSession::date)
                .max(Comparator.naturalOrder());
        if (lastHoliday.isEmpty()) {
            return null;
        }
        LegalPolicy.Item days = policy.item("holidayRequestSchoolDays");
        LocalDate back = schoolDays.after(schoolUrn, lastHoliday.get(), 1);
        LocalDate deadline = schoolDays.after(schoolUrn, back, days.value());
        return new HolidayDeadline(back, deadline, today.isAfter(deadline), days.version());
    }
}
