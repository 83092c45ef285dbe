package org.openattendance.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.openattendance.casework.CaseHistoryShift;
import org.openattendance.casework.CaseWork;
import org.openattendance.casework.CaseWork.WorkItem;
import org.openattendance.casework.Stage;
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
 * Cases at several stages of the support ladder and of several ages, so that the demo shows managers something: tasks
 * overdue (and the managers' "Overdue" follow-ups), tasks due today, cases opened weeks ago. Once the register loads
 * of the demo data have opened their cases (all at "Review the letter to the parents", opened today), a few of them
 * at each school are worked as their attendance officer would have worked them over the past weeks: each step
 * through the task's own form (the same checks as a page), the case then moved back a week at a time
 * ({@link CaseHistoryShift}), so its timers run when they would have. The legal stages follow in {@link DemoLegalStages}.
 * Runs once, in the background after start-up, while no demo case is older than a day.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "openattendance.demo.enabled", havingValue = "true")
class DemoCaseHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoCaseHistory.class);
    private static final Duration QUIET = Duration.ofSeconds(9);
    private static final Duration AT_MOST = Duration.ofMinutes(4);

    /** A step of the support ladder, as the attendance officer takes it. */
    enum Step { LETTER_SENT, MEETING_ARRANGED, MEETING_HELD, PLAN_AGREED, REVIEW_DATE_REACHED, REVIEW_IMPROVED,
        REVIEW_OTHER_AGENCIES, REVIEW_NOT_IMPROVED }

    /** A case's story: opened {@code openedWeeksAgo}, then each step that many weeks ago (the same order). */
    record Story(String name, int openedWeeksAgo, List<Step> steps, List<Integer> weeksAgo) {
    }

    /** The stories, for the cases of each school in turn (by UPN); most cases stay at the letter, opened today. */
    static final List<Story> STORIES = List.of(
            new Story("letter overdue", 1, List.of(), List.of()),
            new Story("meeting to arrange", 3, List.of(Step.LETTER_SENT), List.of(2)),
            new Story("meeting to hold", 3, List.of(Step.LETTER_SENT, Step.MEETING_ARRANGED), List.of(2, 1)),
            new Story("plan to agree", 5, List.of(Step.LETTER_SENT, Step.MEETING_ARRANGED, Step.MEETING_HELD),
                    List.of(4, 4, 3)),
            new Story("plan running", 7, List.of(Step.LETTER_SENT, Step.MEETING_ARRANGED, Step.MEETING_HELD,
                    Step.PLAN_AGREED), List.of(6, 6, 5, 4)),
            new Story("plan to review", 11, List.of(Step.LETTER_SENT, Step.MEETING_ARRANGED, Step.MEETING_HELD,
                    Step.PLAN_AGREED, Step.REVIEW_DATE_REACHED), List.of(10, 10, 9, 9, 2)),
            new Story("Team Around the Family", 11, List.of(Step.LETTER_SENT, Step.MEETING_ARRANGED, Step.MEETING_HELD,
                    Step.PLAN_AGREED, Step.REVIEW_OTHER_AGENCIES), List.of(10, 10, 9, 9, 2)),
            new Story("monitoring", 11, List.of(Step.LETTER_SENT, Step.MEETING_ARRANGED, Step.MEETING_HELD,
                    Step.PLAN_AGREED, Step.REVIEW_IMPROVED), List.of(10, 10, 9, 9, 1)),
            new Story("attendance contract", 11, List.of(Step.LETTER_SENT, Step.MEETING_ARRANGED, Step.MEETING_HELD,
                    Step.PLAN_AGREED, Step.REVIEW_NOT_IMPROVED), List.of(10, 10, 9, 9, 1)));

    private final CaseWork work;
    private final CaseHistoryShift shift;
    private final StaffUserStore staff;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** Done (true: cases worked; false: nothing to do or it failed), for the demo data's test. */
    final CompletableFuture<Boolean> finished = new CompletableFuture<>();

    DemoCaseHistory(CaseWork work, CaseHistoryShift shift, StaffUserStore staff, JdbcTemplate jdbc,
                    PlatformTransactionManager transactions, Clock clock) {
        this.work = work;
        this.shift = shift;
        this.staff = staff;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startInTheBackground() {
        Thread thread = new Thread(this::workCases, "demo-case-history");
        thread.setDaemon(true);
        thread.start();
    }

    void workCases() {
        try {
            Map<DemoSchool, StaffUser> officers = new LinkedHashMap<>();
            for (DemoSchool school : DemoSchool.ALL) {
                staff.find("officer." + school.shortName()).ifPresent(officer -> officers.put(school, officer));
            }
            if (officers.isEmpty() || shift.anyOpenedBefore(DemoSchool.urns(), clock.instant().minus(Duration.ofDays(1)))) {
                finished.complete(false);
                return;
            }
            awaitQuietInboxes(officers.values());
            Boolean worked = transaction.execute(status -> {
                jdbc.queryForObject(DemoDataLoader.LOCK, String.class);
                if (shift.anyOpenedBefore(DemoSchool.urns(), clock.instant().minus(Duration.ofDays(1)))) {
                    return false;
                }
                int cases = 0;
                for (var officer : officers.entrySet()) {
                    cases += workCasesOf(officer.getKey(), officer.getValue());
                }
                log.info("Demo cases: {} worked over the past weeks, at the stages of the support ladder", cases);
                return cases > 0;
            });
            finished.complete(Boolean.TRUE.equals(worked));
        } catch (RuntimeException e) {
            // The demo stays usable with every case at its first stage.
            log.warn("Demo cases at several stages not made: {}", e.toString());
            finished.complete(false);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The register loads' signals open cases in the background: wait until the inboxes stop growing. */
    private void awaitQuietInboxes(java.util.Collection<StaffUser> officers) {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        int last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = officers.stream().mapToInt(officer -> work.workable(officer).size()).sum();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - stableSince >= QUIET.toNanos()) {
                return;
            }
            sleep(Duration.ofSeconds(3));
        }
    }

    private int workCasesOf(DemoSchool school, StaffUser officer) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(officer, null, officer.getAuthorities()));
        SecurityContextHolder.setContext(context);
        List<WorkItem> tasks = work.workable(officer);
        // Cases with nothing but the letter to review: no first-day contact or other work to get in the way.
        Map<String, Long> tasksByUpn = tasks.stream().filter(t -> t.upn() != null)
                .collect(Collectors.groupingBy(WorkItem::upn, Collectors.counting()));
        List<WorkItem> letters = tasks.stream()
                .filter(t -> "review-letter".equals(t.taskKey()) && t.kase() != null && t.kase().stage() == Stage.LETTER)
                .filter(t -> tasksByUpn.get(t.upn()) == 1)
                .sorted(Comparator.comparing(WorkItem::upn))
                .toList();
        int worked = 0;
        for (int i = 0; i < STORIES.size() && i < letters.size(); i++) {
            if (tell(school, officer, letters.get(i), STORIES.get(i))) {
                worked++;
            }
        }
        return worked;
    }

    /** Works one case through its story, moving it back a week at a time between the steps. */
    private boolean tell(DemoSchool school, StaffUser officer, WorkItem letter, Story story) {
        UUID caseId = letter.kase().id();
        int weeksAgo = story.openedWeeksAgo();
        for (int i = 0; i < story.steps().size(); i++) {
            int stepWeeksAgo = story.weeksAgo().get(i);
            moveBackWeeks(caseId, weeksAgo - stepWeeksAgo);
            weeksAgo = stepWeeksAgo;
            if (!take(officer, caseId, letter.upn(), story.steps().get(i), weeksAgo)) {
                log.info("Demo case {} ({}): no task for {}; its story stops there", letter.upn(), story.name(),
                        story.steps().get(i));
                break;
            }
        }
        moveBackWeeks(caseId, weeksAgo);
        return true;
    }

    private void moveBackWeeks(UUID caseId, int weeks) {
        for (int week = 0; week < weeks; week++) {
            shift.moveBack(caseId, 7);
        }
    }

    /** Completes the step's task through its form, as the officer would have {@code weeksAgo} weeks ago. */
    boolean take(StaffUser officer, UUID caseId, String upn, Step step, int weeksAgo) {
        LocalDate then = LocalDate.now(clock).minusWeeks(weeksAgo);
        String contact = officer.displayName();
        String phone = "01632 960 " + (100 + Math.abs(officer.username().hashCode() % 900));
        if (step == Step.PLAN_AGREED) {
            // A pupil with SEND or a medical condition: reasonable adjustments come before the plan.
            open(officer, upn, "adjustments").ifPresent(task -> work.validateAndComplete(officer, task.id(), Map.of(
                    "adjustments", new ArrayList<>(List.of("TIMETABLE", "HEALTHCARE_PLAN")),
                    "notes", "A later start on two mornings a week; the healthcare plan updated with the school nurse.")));
        }
        if (step.name().startsWith("REVIEW") && open(officer, upn, "review-plan").isEmpty()) {
            // The review timer was set by this year's calendar from today, holidays and all: its date has come.
            shift.runTimerNow(caseId, "review-date");
        }
        if (step == Step.REVIEW_DATE_REACHED) {
            return open(officer, upn, "review-plan").isPresent();
        }
        String taskKey = switch (step) {
            case LETTER_SENT -> "review-letter";
            case MEETING_ARRANGED -> "arrange-meeting";
            case MEETING_HELD -> "meeting";
            case PLAN_AGREED -> "support-plan";
            case REVIEW_DATE_REACHED, REVIEW_IMPROVED, REVIEW_OTHER_AGENCIES, REVIEW_NOT_IMPROVED -> "review-plan";
        };
        var task = open(officer, upn, taskKey);
        if (task.isEmpty()) {
            return false;
        }
        Map<String, Object> form = new HashMap<>();
        switch (step) {
            case LETTER_SENT -> form.putAll(Map.of("letterDecision", "SEND", "contactName", contact,
                    "contactPhone", phone, "notes", "Attendance has fallen this half term; letter agreed."));
            case MEETING_ARRANGED -> form.putAll(Map.of("meetingDate", then.plusDays(7).toString(),
                    "meetingTime", "09:30", "meetingPlace", "The school's meeting room", "contactName", contact,
                    "contactPhone", phone));
            case MEETING_HELD -> form.putAll(Map.of("meetingDate", then.toString(),
                    "attendees", "Mother, class teacher and " + contact, "barriers", new ArrayList<>(List.of("ANXIETY", "FAMILY")),
                    "actions", "A morning check-in with a named adult; a quiet place at break; the parents to call the "
                            + "school by 9:00 on any day of absence."));
            case PLAN_AGREED -> form.putAll(Map.of("plan", "Morning check-in with the learning mentor every day; "
                            + "a weekly call with the parents; a reward chart for full weeks.",
                    "reviewDate", then.plusWeeks(6).toString(), "contactName", contact, "contactPhone", phone));
            case REVIEW_DATE_REACHED -> throw new IllegalStateException("no form: the review task is left open");
            case REVIEW_IMPROVED -> form.putAll(Map.of("reviewOutcome", "IMPROVED", "otherAgenciesNeeded", false,
                    "notes", "Attendance over the plan's six weeks was 97%; the check-ins continue."));
            case REVIEW_OTHER_AGENCIES -> form.putAll(Map.of("reviewOutcome", "NOT_IMPROVED", "otherAgenciesNeeded", true,
                    "notes", "No better; the family has asked for help with housing and a younger child's health."));
            case REVIEW_NOT_IMPROVED -> form.putAll(Map.of("reviewOutcome", "NOT_IMPROVED", "otherAgenciesNeeded", false,
                    "notes", "Attendance fell further during the plan; the parents did not come to the review."));
        }
        work.validateAndComplete(officer, task.get().id(), form);
        return true;
    }

    private java.util.Optional<WorkItem> open(StaffUser officer, String upn, String taskKey) {
        return work.workableFor(officer, upn).stream().filter(t -> taskKey.equals(t.taskKey())).findFirst();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
