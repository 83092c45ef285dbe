package org.openattendance.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
 * Cases at the legal stages, so that a newcomer sees them in the demo: a Notice to Improve in its improvement period,
 * a request for a penalty notice waiting for the LA's decision, a notice issued and served but not paid, one part
 * paid and one paid in full. The demo's register loads leave pupils with many unauthorised absences at "Consider a
 * Notice to Improve or a penalty notice"; after {@link DemoCaseHistory} has worked its cases, a few of these (at
 * Castle Hill Academy first, then Millbrook) are taken on as their attendance officer and the LA's officer would:
 * each step through the task's own form or the legal module's own services (the request with the same evidence
 * check as the request page), never around them. A penalty notice needs a term-time holiday (sessions coded G) or a
 * Notice to Improve whose period has ended; the demo's improvement periods have not ended, so the penalty notices
 * are for pupils whose unauthorised absence includes a term-time holiday. Runs once, with the case history.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "openattendance.demo.enabled", havingValue = "true")
class DemoLegalStages {

    private static final Logger log = LoggerFactory.getLogger(DemoLegalStages.class);
    private static final List<String> SCHOOLS = List.of("castlehill", "millbrook", "stannes");
    /** Spread over the schools, so each school's officer and head see some. */
    private static final int AT_EACH_SCHOOL = 3;

    /** How far each penalty-notice case goes, in this order. */
    enum NoticeStory { REQUEST_WITH_THE_LA, ISSUED_UNPAID, PART_PAID, PAID }

    private final DemoCaseHistory caseHistory;
    private final CaseWork work;
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

    DemoLegalStages(DemoCaseHistory caseHistory, CaseWork work, StaffUserStore staff, SchoolDirectory directory,
                    RequestSubmission submission, PenaltyRequests requests, PenaltyNotices notices,
                    NoticesToImprove noticesToImprove, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                    Clock clock) {
        this.caseHistory = caseHistory;
        this.work = work;
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

    private boolean makeLegalStages() {
        StaffUser laOfficer = staff.find("la.officer").orElse(null);
        if (laOfficer == null) {
            return false;
        }
        List<String> made = new ArrayList<>();
        var stories = new ArrayList<>(List.of(NoticeStory.values()));
        int noticesToImproveLeft = 2;
        for (String school : SCHOOLS) {
            StaffUser officer = staff.find("officer." + school).orElse(null);
            if (officer == null) {
                continue;
            }
            actAs(officer);
            List<String> upns = work.workable(officer).stream()
                    .filter(t -> "consider-notice".equals(t.taskKey()) && t.upn() != null)
                    .map(WorkItem::upn).distinct().sorted(Comparator.naturalOrder()).toList();
            int atThisSchool = 0;
            boolean noticeToImproveHere = false;
            for (String upn : upns) {
                if (atThisSchool == AT_EACH_SCHOOL) {
                    break;
                }
                Pupil pupil = directory.pupil(upn).orElse(null);
                if (pupil == null || !requests.ofPupil(pupil.getId()).isEmpty()
                        || !noticesToImprove.ofPupil(pupil.getId()).isEmpty()) {
                    continue;
                }
                try {
                    if (!stories.isEmpty() && holidayRequestReady(officer, pupil).isPresent()) {
                        NoticeStory story = stories.get(0);
                        if (Boolean.TRUE.equals(transaction.execute(s -> penaltyNotice(officer, laOfficer, pupil, story)))) {
                            stories.remove(0);
                            atThisSchool++;
                            made.add(upn + " (" + school + "): " + story);
                        }
                    } else if (noticesToImproveLeft > 0 && !noticeToImproveHere
                            && Boolean.TRUE.equals(transaction.execute(s -> noticeToImprove(officer, laOfficer, upn)))) {
                        noticesToImproveLeft--;
                        noticeToImproveHere = true;
                        atThisSchool++;
                        made.add(upn + " (" + school + "): NOTICE_TO_IMPROVE");
                    }
                } catch (RuntimeException e) {
                    log.info("Demo case {} not taken to a legal stage: {}", upn, e.toString());
                }
                if (stories.isEmpty() && noticesToImproveLeft == 0) {
                    break;
                }
            }
        }
        log.info("Demo cases at the legal stages: {}", made);
        return !made.isEmpty();
    }

    /** The school asks the LA for a Notice to Improve; the LA agrees and issues it: its improvement period runs. */
    private boolean noticeToImprove(StaffUser officer, StaffUser laOfficer, String upn) {
        jdbc.queryForObject(DemoDataLoader.LOCK, String.class);
        actAs(officer);
        if (!complete(officer, upn, "consider-notice", Map.of("recommendation", "NOTICE_TO_IMPROVE",
                "reasons", "Attendance has not improved under the support plan; the parents did not come to the review."))) {
            return false;
        }
        actAs(laOfficer);
        mustComplete(laOfficer, upn, "la-decision", Map.of("laDecision", "ISSUE_NOTICE_TO_IMPROVE", "ntiIssuedBy", "LA",
                "reasons", "Support was offered and refused; a Notice to Improve is the next step."));
        mustComplete(laOfficer, upn, "issue-nti", Map.of(
                "supportGiven", "A letter, a meeting with the parents and a six-week support plan with a morning check-in.",
                "supportAvailable", "Early help family support; the school's learning mentor; help with transport.",
                "contactName", laOfficer.displayName(), "contactPhone", "01632 960 555"));
        return true;
    }

    /** The school's request for a term-time holiday's penalty notice, from the request page's own draft. */
    private Optional<RequestForm> holidayRequestReady(StaffUser officer, Pupil pupil) {
        actAs(officer);
        PenaltyRequests.Draft draft = submission.draft(pupil);
        // What the school fills in itself (the parents' dates of birth, its statement) aside, nothing may be missing.
        if (draft.route() != RequestRoute.TERM_TIME_HOLIDAY || draft.parents().isEmpty()
                || draft.missing().stream().anyMatch(p -> !p.where().endsWith(".dateOfBirth") && !"schoolStatement".equals(p.where()))) {
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

    private boolean penaltyNotice(StaffUser officer, StaffUser laOfficer, Pupil pupil, NoticeStory story) {
        jdbc.queryForObject(DemoDataLoader.LOCK, String.class);
        String upn = pupil.getUpn();
        RequestForm form = holidayRequestReady(officer, pupil).orElse(null);
        if (form == null || !complete(officer, upn, "consider-notice", Map.of("recommendation", "PENALTY_NOTICE",
                "reasons", "A term-time holiday after leave was refused: no Notice to Improve is needed first."))) {
            return false;
        }
        submission.submit(pupil, form, officer.username());
        if (story == NoticeStory.REQUEST_WITH_THE_LA) {
            return true;
        }
        actAs(laOfficer);
        mustComplete(laOfficer, upn, "decide-request", Map.of("requestDecision", "APPROVE",
                "decisionReasons", "The holiday sessions and the refusal of leave are on record; the code of conduct applies."));
        LocalDate today = LocalDate.now(clock);
        while (complete(laOfficer, upn, "record-service", Map.of("serviceMethod", "FIRST_CLASS_POST",
                "servedOn", today.toString()))) {
            // one task per parent's notice
        }
        List<PenaltyNotice> issued = notices.ofPupil(pupil.getId());
        if (issued.isEmpty()) {
            throw new IllegalStateException("no penalty notice issued for " + upn);
        }
        PenaltyNotice first = issued.get(0);
        BigDecimal due = first.amountDue(today);
        switch (story) {
            case PART_PAID -> notices.recordPayment(first.number(), due.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN),
                    today, "CARD-" + upn.substring(upn.length() - 6), laOfficer.username());
            case PAID -> issued.forEach(notice -> notices.recordPayment(notice.number(), notice.amountDue(today), today,
                    "CARD-" + notice.number(), laOfficer.username()));
            default -> { }
        }
        return true;
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
