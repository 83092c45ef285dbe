package org.openattendance.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.openattendance.casework.CaseHistoryShift;
import org.openattendance.casework.CaseWork;
import org.openattendance.casework.CaseWork.WorkItem;
import org.openattendance.legal.NoticesToImprove;
import org.openattendance.legal.PenaltyNotice;
import org.openattendance.legal.PenaltyNotices;
import org.openattendance.legal.PenaltyRequests;
import org.openattendance.legal.RequestForm;
import org.openattendance.legal.RequestRoute;
import org.openattendance.legal.RequestSubmission;
import org.openattendance.school.Pupil;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.AsOf;
import org.openattendance.shared.London;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.StaffUser;
import org.openattendance.security.StaffUserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases at the legal stages, so that a newcomer sees them in the demo: a prosecution being prepared after a penalty
 * notice went unpaid, a Notice to Improve in its improvement period, a request for a penalty notice waiting for the
 * LA's decision, a notice served and not yet paid, one part paid and one paid in full. The demo's register loads
 * leave pupils with many unauthorised absences at "Consider a Notice to Improve or a penalty notice"; after
 * {@link DemoCaseHistory} has worked its cases, a few of these are taken on as their attendance officer and the LA's
 * officer would have taken them: each step through the task's own form or the legal module's own services (the
 * request with the same evidence check as the request page), never around them.
 * <p>
 * Each step is taken as of the day it would have happened ({@link AsOf}): the request a few days after the pupil
 * came back from a term-time holiday, the notice issued and posted days later, payments on their days. Between the
 * steps the case's timers run as of the day they come due, through the process engine (the 21 and 28 days from
 * receipt, a task's due date), so the prosecution case's notice goes unpaid the way a real one does. The case is
 * first moved back to the day of its first step ({@link CaseHistoryShift}), so its opening comes before its story.
 * A penalty notice needs a term-time holiday (sessions coded G) or a Notice to Improve whose period has ended, so
 * the penalty notices are for pupils whose unauthorised absence includes a term-time holiday. Runs once, with the
 * case history.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "openattendance.demo.enabled", havingValue = "true")
class DemoLegalStages {

    private static final Logger log = LoggerFactory.getLogger(DemoLegalStages.class);
    private static final List<String> SCHOOLS = List.of("castlehill", "millbrook", "stannes");
    /** The time of day the demo's steps are taken (and the morning's timers run), in England. */
    private static final LocalTime WORKING_HOURS = LocalTime.of(10, 30);
    /**
     * When the rest of a day's timers run: after the end of the school day (17:00), when a task's due date passes, so
     * that a manager's "Overdue" task comes on the school day the task fell due, not the next morning (a Saturday).
     */
    private static final LocalTime END_OF_DAY = LocalTime.of(18, 0);
    /** The prosecution's request is made at least this long ago: 28 days from receipt have passed, and some more. */
    private static final int PROSECUTION_AT_LEAST_DAYS_AGO = 45;

    /**
     * How far each penalty-notice case goes, in this order, and when its steps were taken, in days before today: the
     * request, the LA's decision (the notice posted the same day) and the payment.
     */
    enum NoticeStory {
        REQUEST_WITH_THE_LA(3, -1, -1), ISSUED_UNPAID(16, 13, -1), PART_PAID(20, 17, 6), PAID(24, 21, 9);

        final int requestDaysAgo;
        final int decisionDaysAgo;
        final int paymentDaysAgo;

        NoticeStory(int requestDaysAgo, int decisionDaysAgo, int paymentDaysAgo) {
            this.requestDaysAgo = requestDaysAgo;
            this.decisionDaysAgo = decisionDaysAgo;
            this.paymentDaysAgo = paymentDaysAgo;
        }
    }

    private final DemoCaseHistory caseHistory;
    private final CaseWork work;
    private final CaseHistoryShift shift;
    private final StaffUserStore staff;
    private final SchoolDirectory directory;
    private final RequestSubmission submission;
    private final PenaltyRequests requests;
    private final PenaltyNotices notices;
    private final NoticesToImprove noticesToImprove;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** Done (true: legal stages made; false: nothing to do or it failed), for the demo data's test. */
    final CompletableFuture<Boolean> finished = new CompletableFuture<>();

    DemoLegalStages(DemoCaseHistory caseHistory, CaseWork work, CaseHistoryShift shift, StaffUserStore staff,
                    SchoolDirectory directory, RequestSubmission submission, PenaltyRequests requests,
                    PenaltyNotices notices, NoticesToImprove noticesToImprove, JdbcTemplate jdbc,
                    PlatformTransactionManager transactions, Clock clock) {
        this.caseHistory = caseHistory;
        this.work = work;
        this.shift = shift;
        this.staff = staff;
        this.directory = directory;
        this.submission = submission;
        this.requests = requests;
        this.notices = notices;
        this.noticesToImprove = noticesToImprove;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startInTheBackground() {
        Thread thread = new Thread(this::afterTheCaseHistory, "demo-legal-stages");
        thread.setDaemon(true);
        thread.start();
    }

    void afterTheCaseHistory() {
        try {
            // The case history works only on a fresh demo, once, on the node that loaded it: so do the legal stages.
            if (!Boolean.TRUE.equals(caseHistory.finished.get(10, TimeUnit.MINUTES))) {
                finished.complete(false);
                return;
            }
            finished.complete(makeLegalStages());
        } catch (Exception e) {
            // The demo stays usable without them.
            log.warn("Demo cases at the legal stages not made: {}", e.toString());
            finished.complete(false);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A case waiting at "Consider a Notice to Improve or a penalty notice", and its pupil. */
    private record Candidate(String school, StaffUser officer, Pupil pupil, java.util.UUID caseId) {
    }

    private boolean makeLegalStages() {
        StaffUser laOfficer = staff.find("la.officer").orElse(null);
        if (laOfficer == null) {
            return false;
        }
        List<String> made = new ArrayList<>();
        Map<String, List<Candidate>> candidates = new LinkedHashMap<>();
        for (String school : SCHOOLS) {
            staff.find("officer." + school).ifPresent(officer -> candidates.put(school, candidatesAt(school, officer)));
        }
        prosecution(candidates, laOfficer).ifPresent(made::add);

        // Pupils back from a term-time holiday in the last 10 school weeks, the earliest back first: the story that
        // needs the most days (paid in full) takes the earliest, the request still with the LA the latest.
        List<Map.Entry<Candidate, LocalDate>> holidays = new ArrayList<>();
        for (List<Candidate> atSchool : candidates.values()) {
            for (Candidate candidate : atSchool) {
                if (!hasLegalRecords(candidate.pupil())) {
                    actAs(candidate.officer());
                    holidayReturn(candidate).ifPresent(back -> holidays.add(Map.entry(candidate, back)));
                }
            }
        }
        holidays.sort(Map.Entry.comparingByValue());
        var stories = new ArrayList<>(List.of(NoticeStory.PAID, NoticeStory.PART_PAID, NoticeStory.ISSUED_UNPAID,
                NoticeStory.REQUEST_WITH_THE_LA));
        var onHoliday = new java.util.HashSet<Candidate>();
        for (var holiday : holidays) {
            onHoliday.add(holiday.getKey());
            if (stories.isEmpty()) {
                continue;
            }
            Candidate candidate = holiday.getKey();
            NoticeStory story = stories.get(0);
            try {
                actAs(candidate.officer());
                if (Boolean.TRUE.equals(transaction.execute(s -> penaltyNotice(candidate, laOfficer, story, holiday.getValue())))) {
                    stories.remove(0);
                    made.add(candidate.pupil().getUpn() + " (" + candidate.school() + "): " + story);
                }
            } catch (RuntimeException e) {
                log.info("Demo case {} not taken to a legal stage: {}", candidate.pupil().getUpn(), e.toString());
            }
        }

        // A Notice to Improve at each of the first two schools, for a pupil with no holiday.
        int noticesToImprove = 0;
        for (List<Candidate> atSchool : candidates.values()) {
            for (Candidate candidate : atSchool) {
                if (noticesToImprove == 2 || onHoliday.contains(candidate) || hasLegalRecords(candidate.pupil())) {
                    continue;
                }
                try {
                    actAs(candidate.officer());
                    if (Boolean.TRUE.equals(transaction.execute(s -> noticeToImprove(candidate, laOfficer)))) {
                        noticesToImprove++;
                        made.add(candidate.pupil().getUpn() + " (" + candidate.school() + "): NOTICE_TO_IMPROVE");
                        break;
                    }
                } catch (RuntimeException e) {
                    log.info("Demo case {} not taken to a legal stage: {}", candidate.pupil().getUpn(), e.toString());
                }
            }
        }
        log.info("Demo cases at the legal stages: {}", made);
        return !made.isEmpty();
    }

    private List<Candidate> candidatesAt(String school, StaffUser officer) {
        actAs(officer);
        var seen = new java.util.HashSet<String>();
        List<Candidate> found = new ArrayList<>();
        work.workable(officer).stream()
                .filter(t -> "consider-notice".equals(t.taskKey()) && t.upn() != null && t.kase() != null)
                .sorted(Comparator.comparing(WorkItem::upn))
                .filter(t -> seen.add(t.upn()))
                .forEach(t -> directory.pupil(t.upn()).ifPresent(pupil ->
                        found.add(new Candidate(school, officer, pupil, t.kase().id()))));
        return found;
    }

    private boolean hasLegalRecords(Pupil pupil) {
        return !requests.ofPupil(pupil.getId()).isEmpty() || !noticesToImprove.ofPupil(pupil.getId()).isEmpty();
    }

    // The prosecution: a term-time holiday's penalty notice, posted weeks ago and not paid in its 28 days

    /**
     * A pupil back from a term-time holiday at a term or half term of this school year that began at least
     * {@value #PROSECUTION_AT_LEAST_DAYS_AGO} days ago (most recent first; a holiday just before it first, so that the
     * request is in time, else any holiday in the 10 school weeks before, the request then late): the school's request
     * two school days after, the LA's notice, posted the same week; 21 and then 28 days from receipt pass unpaid; the LA decided a few days ago to prosecute, and the
     * prosecution's first task ("Consider an education supervision order") waits in the LA's inbox.
     */
    private Optional<String> prosecution(Map<String, List<Candidate>> candidates, StaffUser laOfficer) {
        LocalDate today = LocalDate.now(clock);
        // A case is opened in its school year: the story starts after this school year began.
        LocalDate yearBegan = AcademicYear.containing(today).firstDay();
        List<LocalDate> returns = termStarts(today).stream()
                .filter(day -> !day.isAfter(today.minusDays(PROSECUTION_AT_LEAST_DAYS_AGO)) && !day.isBefore(yearBegan))
                .sorted(Comparator.reverseOrder()).toList();
        // First a pupil whose holiday ended just before that term or half term (the request in time), then any.
        for (boolean inTime : List.of(true, false)) {
            for (LocalDate termStart : returns) {
                LocalDate requestDay = weekdaysAfter(termStart, 2);
                for (List<Candidate> atSchool : candidates.values()) {
                    for (Candidate candidate : atSchool) {
                        if (hasLegalRecords(candidate.pupil())) {
                            continue;
                        }
                        actAs(candidate.officer());
                        Optional<LocalDate> back = asOf(requestDay, () -> holidayReturn(candidate));
                        if (back.isEmpty() || inTime && back.get().isBefore(termStart.minusDays(1))) {
                            continue;
                        }
                        try {
                            if (Boolean.TRUE.equals(transaction.execute(s -> prosecute(candidate, laOfficer, requestDay)))) {
                                return Optional.of(candidate.pupil().getUpn() + " (" + candidate.school() + "): PROSECUTION");
                            }
                        } catch (RuntimeException e) {
                            log.info("Demo case {} not taken to prosecution: {}", candidate.pupil().getUpn(), e.toString());
                        }
                    }
                }
            }
        }
        log.info("No demo case taken to prosecution: no term of this school year began {} days ago or more, or no "
                + "pupil at 'Consider a notice' with a term-time holiday before one", PROSECUTION_AT_LEAST_DAYS_AGO);
        return Optional.empty();
    }

    private boolean prosecute(Candidate candidate, StaffUser laOfficer, LocalDate requestDay) {
        jdbc.queryForObject(DemoDataLoader.LOCK, String.class);
        LocalDate today = LocalDate.now(clock);
        Story story = new Story(candidate.caseId(), requestDay);
        String upn = candidate.pupil().getUpn();
        // The support ladder runs alongside the notice route, as on a real case: the school sends the letter to the
        // parents before it asks for the notice, then meets them and agrees a support plan.
        if (!story.on(requestDay, () -> support(candidate, DemoCaseHistory.Step.LETTER_SENT)
                && request(candidate, "A term-time holiday after leave was refused: no Notice to Improve is needed first."))) {
            return false;
        }
        LocalDate meetingArranged = weekdaysAfter(requestDay, 2);
        story.on(meetingArranged, () -> support(candidate, DemoCaseHistory.Step.MEETING_ARRANGED));
        LocalDate decided = weekdaysAfter(requestDay, 3);
        story.on(decided, () -> approveAndPost(upn, laOfficer, decided));
        // The meeting on the day it was arranged for (a week later); the plan agreed at it.
        LocalDate meetingHeld = weekdaysAfter(meetingArranged, 5);
        story.on(meetingHeld, () -> support(candidate, DemoCaseHistory.Step.MEETING_HELD)
                && support(candidate, DemoCaseHistory.Step.PLAN_AGREED));
        List<PenaltyNotice> issued = notices.ofPupil(candidate.pupil().getId());
        LocalDate unpaidFrom = issued.stream().map(PenaltyNotice::fullBy).max(Comparator.naturalOrder()).orElseThrow()
                .plusDays(1);
        LocalDate decidedToProsecute = weekdayOnOrBefore(today.minusDays(3));
        if (decidedToProsecute.isBefore(unpaidFrom)) {
            decidedToProsecute = unpaidFrom;
        }
        story.on(decidedToProsecute, () -> {
            actAs(laOfficer);
            mustComplete(laOfficer, candidate.pupil().getUpn(), "unpaid-decision", Map.of("unpaidDecision", "PROSECUTE"));
            // A notice to each parent: each one unpaid, each parent prosecuted.
            while (complete(laOfficer, candidate.pupil().getUpn(), "unpaid-decision", Map.of("unpaidDecision", "PROSECUTE"))) {
                // one task per parent's notice
            }
            return true;
        });
        story.untilToday();
        return true;
    }

    /** The school's step on the support ladder, through the task's form as {@link DemoCaseHistory} takes it. */
    private boolean support(Candidate candidate, DemoCaseHistory.Step step) {
        actAs(candidate.officer());
        boolean taken = caseHistory.take(candidate.officer(), candidate.caseId(), candidate.pupil().getUpn(), step, 0);
        if (!taken) {
            log.info("Demo case {}: no task for {} on the support ladder", candidate.pupil().getUpn(), step);
        }
        return taken;
    }

    /** Term and half-term starts of this academic year and the last, by the demo schools' calendar. */
    private static List<LocalDate> termStarts(LocalDate today) {
        AcademicYear year = AcademicYear.containing(today);
        List<LocalDate> starts = new ArrayList<>();
        for (AcademicYear each : List.of(year.previous(), year)) {
            DemoCalendar.forYear(each, false).terms().forEach(term -> starts.add(term.start()));
        }
        return starts;
    }

    // The other stages

    /** The school asks the LA for a Notice to Improve; the LA agrees and issues it: its improvement period runs. */
    private boolean noticeToImprove(Candidate candidate, StaffUser laOfficer) {
        jdbc.queryForObject(DemoDataLoader.LOCK, String.class);
        LocalDate today = LocalDate.now(clock);
        String upn = candidate.pupil().getUpn();
        LocalDate considered = weekdayOnOrBefore(today.minusDays(10));
        Story story = new Story(candidate.caseId(), considered);
        if (!story.on(considered, () -> complete(candidate.officer(), upn, "consider-notice", Map.of(
                "recommendation", "NOTICE_TO_IMPROVE",
                "reasons", "Attendance has not improved under the support plan; the parents did not come to the review.")))) {
            return false;
        }
        LocalDate decided = weekdaysAfter(considered, 1);
        story.on(decided, () -> {
            actAs(laOfficer);
            mustComplete(laOfficer, upn, "la-decision", Map.of("laDecision", "ISSUE_NOTICE_TO_IMPROVE", "ntiIssuedBy", "LA",
                    "reasons", "Support was offered and refused; a Notice to Improve is the next step."));
            return true;
        });
        story.on(weekdaysAfter(decided, 1), () -> {
            mustComplete(laOfficer, upn, "issue-nti", Map.of(
                    "supportGiven", "A letter, a meeting with the parents and a six-week support plan with a morning check-in.",
                    "supportAvailable", "Early help family support; the school's learning mentor; help with transport.",
                    "contactName", laOfficer.displayName(), "contactPhone", "01632 960 555"));
            return true;
        });
        story.untilToday();
        return true;
    }

    /** The first school day back after the pupil's term-time holiday in the last 10 school weeks, if one is ready. */
    private Optional<LocalDate> holidayReturn(Candidate candidate) {
        PenaltyRequests.Draft draft = submission.draft(candidate.pupil());
        return ready(draft) && draft.evidence().holiday() != null
                ? Optional.of(draft.evidence().holiday().returnDate()) : Optional.empty();
    }

    /** What the school fills in itself (the parents' dates of birth, its statement) aside, nothing may be missing. */
    private static boolean ready(PenaltyRequests.Draft draft) {
        return draft.route() == RequestRoute.TERM_TIME_HOLIDAY && !draft.parents().isEmpty()
                && draft.missing().stream().allMatch(p -> p.where().endsWith(".dateOfBirth") || "schoolStatement".equals(p.where()));
    }

    /**
     * The school's request for a term-time holiday's penalty notice, from the request page's own draft (as of the
     * day it is asked: the draft's period is the 10 school weeks before it).
     */
    private Optional<RequestForm> holidayRequestReady(Pupil pupil) {
        PenaltyRequests.Draft draft = submission.draft(pupil);
        if (!ready(draft)) {
            return Optional.empty();
        }
        List<RequestForm.ParentLine> parents = new ArrayList<>();
        for (int i = 0; i < draft.parents().size(); i++) {
            var parent = draft.parents().get(i);
            // The school fills in each parent's date of birth from its records.
            LocalDate born = LocalDate.of(1982 + Math.floorMod(pupil.getUpn().hashCode() + i, 9), 1 + i * 4, 10 + i);
            parents.add(new RequestForm.ParentLine(parent.name(), parent.address(), born, parent.email()));
        }
        return Optional.of(new RequestForm(draft.route(), draft.periodFrom(), draft.periodTo(), parents,
                "The family took a holiday in term time after the headteacher refused the request for leave; the "
                        + "parents were told in writing that a penalty notice could follow."));
    }

    /** The school chooses a penalty notice on the case and sends its request (as of the story's day). */
    private boolean request(Candidate candidate, String reasons) {
        actAs(candidate.officer());
        String upn = candidate.pupil().getUpn();
        RequestForm form = holidayRequestReady(candidate.pupil()).orElse(null);
        if (form == null || !complete(candidate.officer(), upn, "consider-notice", Map.of("recommendation", "PENALTY_NOTICE",
                "reasons", reasons))) {
            return false;
        }
        submission.submit(candidate.pupil(), form, candidate.officer().username());
        return true;
    }

    /** The LA approves the request; each parent's notice is posted first class that day, and the LA records it. */
    private boolean approveAndPost(String upn, StaffUser laOfficer, LocalDate postedOn) {
        actAs(laOfficer);
        mustComplete(laOfficer, upn, "decide-request", Map.of("requestDecision", "APPROVE",
                "decisionReasons", "The holiday sessions and the refusal of leave are on record; the code of conduct applies."));
        int served = 0;
        while (complete(laOfficer, upn, "record-service", Map.of("serviceMethod", "FIRST_CLASS_POST",
                "servedOn", postedOn.toString()))) {
            served++; // one task per parent's notice
        }
        if (served == 0) {
            throw new IllegalStateException("no notice to record the service of for " + upn);
        }
        return true;
    }

    private boolean penaltyNotice(Candidate candidate, StaffUser laOfficer, NoticeStory chosen, LocalDate back) {
        jdbc.queryForObject(DemoDataLoader.LOCK, String.class);
        LocalDate today = LocalDate.now(clock);
        Pupil pupil = candidate.pupil();
        String upn = pupil.getUpn();
        LocalDate requested = storyDay(today, chosen.requestDaysAgo, back.plusDays(1));
        Story story = new Story(candidate.caseId(), requested);
        if (!story.on(requested, () -> request(candidate,
                "A term-time holiday after leave was refused: no Notice to Improve is needed first."))) {
            return false;
        }
        if (chosen != NoticeStory.REQUEST_WITH_THE_LA) {
            LocalDate decided = storyDay(today, chosen.decisionDaysAgo, requested);
            story.on(decided, () -> approveAndPost(upn, laOfficer, decided));
            if (chosen.paymentDaysAgo >= 0) {
                LocalDate paid = storyDay(today, chosen.paymentDaysAgo, decided);
                story.on(paid, () -> {
                    List<PenaltyNotice> issued = notices.ofPupil(pupil.getId());
                    PenaltyNotice first = issued.get(issued.size() - 1);
                    if (chosen == NoticeStory.PART_PAID) {
                        notices.recordPayment(first.number(), first.amountDue(paid).divide(BigDecimal.valueOf(2), 2,
                                RoundingMode.DOWN), paid, "CARD-" + upn.substring(upn.length() - 6), laOfficer.username());
                    } else {
                        issued.forEach(notice -> notices.recordPayment(notice.number(), notice.amountDue(paid), paid,
                                "CARD-" + notice.number(), laOfficer.username()));
                    }
                    return true;
                });
            }
        }
        story.untilToday();
        return true;
    }

    /**
     * One case's story, told a day at a time as of the days it happened: the case is first moved back to its first
     * day; before each step, the timers of the case and of its legal processes run as of each day they come due.
     */
    private final class Story {
        private final java.util.UUID caseId;
        private LocalDate day;

        Story(java.util.UUID caseId, LocalDate first) {
            this.caseId = caseId;
            this.day = first;
            long back = ChronoUnit.DAYS.between(first, LocalDate.now(clock));
            // Opened the day before its first step here (the register loads opened it today).
            asOf(first, () -> back <= 0 ? 0 : shift.moveBack(caseId, (int) back + 1));
        }

        /** Takes the step as of {@code when} (not before the story's last day); answers what the step answered. */
        boolean on(LocalDate when, Supplier<Boolean> step) {
            advanceTo(when);
            return Boolean.TRUE.equals(asOf(day, step));
        }

        void untilToday() {
            advanceTo(LocalDate.now(clock));
            shift.runDueTimers(caseId);
        }

        private void advanceTo(LocalDate when) {
            LocalDate today = LocalDate.now(clock);
            while (day.isBefore(when) && day.isBefore(today)) {
                // The rest of the day: the timers due after the step (a task's due date at the end of the school day).
                LocalDate evening = day;
                asOf(evening, END_OF_DAY, () -> shift.runDueTimers(caseId));
                day = day.plusDays(1);
                if (day.isBefore(today)) {
                    asOf(day, () -> shift.runDueTimers(caseId));
                }
            }
        }
    }

    /** Runs the steps as of {@code day} at {@link #WORKING_HOURS} in England; today, at the real time. */
    private <T> T asOf(LocalDate day, Supplier<T> steps) {
        return asOf(day, WORKING_HOURS, steps);
    }

    /** Runs the steps as of {@code day} at {@code time} in England; today, at the real time. */
    private <T> T asOf(LocalDate day, LocalTime time, Supplier<T> steps) {
        if (!day.isBefore(LocalDate.now(clock))) {
            return steps.get();
        }
        Instant moment = day.atTime(time).atZone(London.ZONE).toInstant();
        return AsOf.run(moment, steps);
    }

    /** {@code daysAgo} before today, on a weekday, not before {@code notBefore} and not after today. */
    static LocalDate storyDay(LocalDate today, int daysAgo, LocalDate notBefore) {
        LocalDate day = weekdayOnOrBefore(today.minusDays(daysAgo));
        if (day.isBefore(notBefore)) {
            day = notBefore;
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
        }
        return day.isAfter(today) ? today : day;
    }

    static LocalDate weekdayOnOrBefore(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.minusDays(2);
            default -> day;
        };
    }

    static LocalDate weekdaysAfter(LocalDate day, int weekdays) {
        LocalDate next = day;
        for (int i = 0; i < weekdays; i++) {
            do {
                next = next.plusDays(1);
            } while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY);
        }
        return next;
    }

    private boolean complete(StaffUser user, String upn, String taskKey, Map<String, Object> form) {
        Optional<WorkItem> task = work.workableFor(user, upn).stream().filter(t -> taskKey.equals(t.taskKey())).findFirst();
        task.ifPresent(t -> work.validateAndComplete(user, t.id(), new LinkedHashMap<>(form)));
        return task.isPresent();
    }

    private static void actAs(StaffUser user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    /** Completes the case's open task through its form; a step the case is not at stops the story (rolled back). */
    private void mustComplete(StaffUser user, String upn, String taskKey, Map<String, Object> form) {
        if (!complete(user, upn, taskKey, form)) {
            throw new IllegalStateException("no task " + taskKey + " open for " + upn);
        }
    }
}
