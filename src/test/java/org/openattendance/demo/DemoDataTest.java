package org.openattendance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openattendance.casework.CaseWork;
import org.openattendance.security.StaffUserStore;
import org.openattendance.shared.London;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.openattendance.shared.Upn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo data as the default run loads it. The test database is shared with other test contexts, so every
 * question is asked about the demo LA and the demo schools only. This context lives next to the contexts of the
 * other tests, so its process engine and process application take unique names: Camunda registers both in a
 * JVM-wide container and refuses a second "default" engine.
 */
// A context of its own, beside the shared one: its engine and process application need names of their own.
// The demo's mail catcher on any free port, so test runs beside a default run do not clash; the same context as
// DemoMailCatcherTest's.
@SpringBootTest(properties = {"openattendance.demo.enabled=true", "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.generate-unique-process-application-name=true", "openattendance.demo.mail.port=0"})
@ActiveProfiles({"test", "demo"})
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
class DemoDataTest {

    static final String[] URNS = {"136201", "114932", "145870"};
    static final List<String> USERS = List.of("admin", "officer.millbrook", "head.millbrook", "officer.stannes",
            "head.stannes", "officer.castlehill", "head.castlehill", "manager.castlehill", "la.officer", "la.manager",
            "social.worker", "virtual.school");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    SchoolCalendars calendars;
    @Autowired
    Clock clock;
    @Autowired
    DemoDataLoader loader;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void createsThreeSchoolsInTheDemoLocalAuthority() {
        assertThat(count("select count(*) from school where la_code = '881' and urn = any(?)", (Object) URNS)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select name from local_authority where code = '881'", String.class))
                .isEqualTo("Northshire");
        assertThat(jdbc.queryForList("select phase || ' ' || register_closes_at from school where urn = any(?) order by urn",
                String.class, (Object) URNS)).containsExactly("PRIMARY 09:15:00", "PRIMARY 09:15:00", "SECONDARY 08:55:00");
    }

    @Test
    void givesEachSchoolACalendarForThisAcademicYearAndTheLast() {
        AcademicYear current = AcademicYear.containing(LocalDate.now(clock));
        for (String urn : URNS) {
            assertThat(calendars.hasCalendar(urn, current)).isTrue();
            assertThat(calendars.hasCalendar(urn, current.previous())).isTrue();
            assertThat(calendars.forYears(urn, List.of(current.previous())).openSessionKeys()).hasSizeBetween(370, 390);
        }
    }

    @Test
    void createsAFewHundredPupilsWithValidUpnsAndAtLeastOneParentEach() {
        assertThat(count("select count(*) from pupil where school_urn = any(?)", (Object) URNS)).isBetween(300, 600);
        assertThat(count("""
                select count(*) from pupil p where p.school_urn = any(?)
                and not exists (select 1 from parent where pupil_id = p.id)""", (Object) URNS)).isZero();
        assertThat(jdbc.queryForList("select upn from pupil where school_urn = any(?)", String.class, (Object) URNS))
                .allSatisfy(upn -> assertThat(Upn.problemWith(upn)).isNull());
        assertThat(count("""
                select count(*) from pupil where school_urn = any(?)
                and (school_urn = '145870' and year_group not between 7 and 11
                  or school_urn <> '145870' and year_group not between 0 and 6)""", (Object) URNS)).isZero();
    }

    @Test
    void givesTheChildrenWithASocialWorkerTheDemoSocialWorker() {
        assertThat(count("""
                select count(*) from pupil p join pupil_cohort c on c.pupil_id = p.id
                where p.school_urn = any(?) and c.cohort in ('CHILD_IN_NEED', 'CHILD_PROTECTION', 'LOOKED_AFTER')
                and p.social_worker is distinct from 'social.worker'""", (Object) URNS)).isZero();
        assertThat(count("select count(*) from pupil where school_urn = any(?) and social_worker = 'social.worker'",
                (Object) URNS)).isPositive();
    }

    @Test
    void createsEveryDemoUserWithThePasswordDemo() {
        for (String username : USERS) {
            List<String> hashes = jdbc.queryForList("select password_hash from app_user where username = ?", String.class,
                    username);
            assertThat(hashes).as(username).hasSize(1);
            assertThat(passwords.matches("demo", hashes.get(0))).as(username).isTrue();
        }
    }

    @Test
    void recordsMarksUpToTheLastSchoolDayBeforeTodayAndNoneLater() {
        LocalDate today = LocalDate.now(clock);
        AcademicYear current = AcademicYear.containing(today);
        assertThat(count("""
                select count(*) from session_mark m join pupil p on p.id = m.pupil_id
                where p.school_urn = any(?) and m.mark_date >= ?""", URNS, Date.valueOf(today))).isZero();
        for (String urn : URNS) {
            SchoolCalendar calendar = calendars.forYears(urn, List.of(current.previous(), current));
            LocalDate lastSchoolDay = today.minusDays(1);
            while (!calendar.isOpen(lastSchoolDay, Session.AM) && !calendar.isOpen(lastSchoolDay, Session.PM)) {
                lastSchoolDay = lastSchoolDay.minusDays(1);
            }
            Date lastMark = jdbc.queryForObject("""
                    select max(m.mark_date) from session_mark m join pupil p on p.id = m.pupil_id
                    where p.school_urn = ?""", Date.class, urn);
            assertThat(lastMark.toLocalDate()).as(urn).isEqualTo(lastSchoolDay);
            Date firstMark = jdbc.queryForObject("""
                    select min(m.mark_date) from session_mark m join pupil p on p.id = m.pupil_id
                    where p.school_urn = ?""", Date.class, urn);
            assertThat(firstMark.toLocalDate()).as(urn).isEqualTo(DemoCalendar.firstDay(current.previous()));
        }
    }

    @Test
    void hasARealisticShareOfPersistentlyAndSeverelyAbsentPupils() {
        AcademicYear year = latestYearWithTwentySchoolDays();
        List<Map<String, Object>> pupils = jdbc.queryForList("""
                select m.pupil_id, count(*) filter (where c.counts_as_possible) as possible,
                  count(*) filter (where c.counts_as_possible and not c.counts_as_attended) as absent
                from session_mark m join pupil p on p.id = m.pupil_id join attendance_code c on c.code = m.code
                where p.school_urn = any(?) and m.mark_date between ? and ?
                group by m.pupil_id""", URNS, Date.valueOf(year.firstDay()), Date.valueOf(year.lastDay()));
        long persistent = pupils.stream().filter(p -> absent(p) * 10 >= possible(p)).count();
        long severe = pupils.stream().filter(p -> absent(p) * 2 >= possible(p)).count();

        assertThat(pupils).hasSizeGreaterThan(300);
        assertThat((double) persistent / pupils.size()).as("share of pupils with 10 % or more absence in " + year)
                .isBetween(0.08, 0.30);
        assertThat(severe).as("pupils with 50 % or more absence in " + year).isPositive();
    }

    @Test
    void everyDemoUserHasANorthshireAddressAndTheVirtualSchoolHeadServesTheDemoLa() {
        assertThat(jdbc.queryForList("select username from app_user where email = username || '@northshire.example'",
                String.class)).containsAll(USERS);
        assertThat(jdbc.queryForObject("select r.role || ' ' || u.la_code from app_user u join app_user_role r "
                + "on r.username = u.username where u.username = 'virtual.school'", String.class))
                .isEqualTo("VIRTUAL_SCHOOL_HEAD 881");
    }

    @Test
    void loadingAgainAddsNothing() throws Exception {
        String counts = """
                select (select count(*) from school where urn = any(?)) || ' ' ||
                  (select count(*) from pupil where school_urn = any(?)) || ' ' ||
                  (select count(*) from parent a join pupil p on p.id = a.pupil_id where p.school_urn = any(?)) || ' ' ||
                  (select count(*) from session_mark m join pupil p on p.id = m.pupil_id where p.school_urn = any(?)) || ' ' ||
                  (select count(*) from school_term where school_urn = any(?)) || ' ' ||
                  (select count(*) from app_user)""";
        Object[] urns = {URNS, URNS, URNS, URNS, URNS};
        String before = jdbc.queryForObject(counts, String.class, urns);

        loader.run(new DefaultApplicationArguments());

        assertThat(jdbc.queryForObject(counts, String.class, urns)).isEqualTo(before);
    }

    @Test
    void waitsWhileAnotherNodeIsLoadingTheDemoData() throws Exception {
        var lockTaken = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var otherNode = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.queryForObject(DemoDataLoader.LOCK, String.class);
            lockTaken.countDown();
            awaitQuietly(commit);
        }));
        assertThat(lockTaken.await(10, TimeUnit.SECONDS)).isTrue();

        var thisNode = CompletableFuture.runAsync(() -> loader.run(new DefaultApplicationArguments()));
        Thread.sleep(1_000);
        assertThat(thisNode).as("waiting for the other node's lock").isNotDone();
        commit.countDown();

        thisNode.get(30, TimeUnit.SECONDS);
        otherNode.get(30, TimeUnit.SECONDS);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rates are per academic year; early in September the current year has too few days to say much. */
    private AcademicYear latestYearWithTwentySchoolDays() {
        AcademicYear current = AcademicYear.containing(LocalDate.now(clock));
        int daysThisYear = count("""
                select count(distinct m.mark_date) from session_mark m join pupil p on p.id = m.pupil_id
                where p.school_urn = any(?) and m.mark_date >= ?""", URNS, Date.valueOf(current.firstDay()));
        return daysThisYear >= 20 ? current : current.previous();
    }

    private int count(String sql, Object... arguments) {
        Integer count = jdbc.queryForObject(sql, Integer.class, arguments);
        return count == null ? 0 : count;
    }

    private static long possible(Map<String, Object> pupil) {
        return ((Number) pupil.get("possible")).longValue();
    }

    private static long absent(Map<String, Object> pupil) {
        return ((Number) pupil.get("absent")).longValue();
    }

    @Test
    void leavesAHolidayRequestForTheOfficeAndAFuneralForTheHeadteacherAtCastleHill() {
        LocalDate from = LocalDate.now(clock).plusDays(15);
        SchoolCalendar calendar = calendars.forYears("145870", List.of(AcademicYear.containing(from)));
        long daysAhead = from.datesUntil(from.plusDays(120))
                .filter(d -> calendar.isOpen(d, Session.AM) && calendar.isOpen(d, Session.PM)).limit(8).count();
        List<Map<String, Object>> requests = jdbc.queryForList("""
                select reason, status, channel, process_instance_id from leave_request where school_urn = '145870'
                order by from_date""");
        if (daysAhead < 8) {
            // Too near the end of the calendar's year for a request in term: the demo makes none rather than fail.
            assertThat(requests).isEmpty();
            return;
        }
        assertThat(requests).extracting(r -> r.get("reason") + " " + r.get("status") + " " + r.get("channel"))
                .containsExactly("FAMILY_HOLIDAY SUBMITTED PAPER", "FUNERAL CHECKED PAPER");
        assertThat(requests).allSatisfy(r -> assertThat(r.get("process_instance_id")).isNotNull());
    }

    @Autowired
    DemoCaseHistory caseHistory;
    @Autowired
    CaseWork work;
    @Autowired
    StaffUserStore staff;

    @Test
    void showsManagersCasesAtSeveralStagesAndAgesWithTasksOverdueAndDueToday() throws Exception {
        assertThat(caseHistory.finished.get(6, TimeUnit.MINUTES)).as("the demo's cases were worked").isTrue();

        assertThat(jdbc.queryForList("select distinct stage from attendance_case where school_urn = any(?)", String.class,
                (Object) URNS)).contains("LETTER", "MEETING", "SUPPORT_PLAN", "TAF", "MONITORING", "ATTENDANCE_CONTRACT");
        // Opened in several different weeks, the oldest over ten weeks ago, yet none before the school year began.
        assertThat(count("select count(distinct date_trunc('week', opened_at)) from attendance_case where school_urn = any(?)",
                (Object) URNS)).isGreaterThanOrEqualTo(5);
        LocalDate oldest = jdbc.queryForObject("select min(opened_at)::date from attendance_case where school_urn = any(?)",
                LocalDate.class, (Object) URNS);
        assertThat(oldest).isBefore(LocalDate.now(clock).minusWeeks(10))
                .isAfterOrEqualTo(AcademicYear.containing(LocalDate.now(clock)).firstDay());
        // A stage entered weeks after the case opened: the stage history moved with the steps, not all at once.
        assertThat(count("select count(*) from case_stage_history h join attendance_case c on c.id = h.case_id "
                + "where c.school_urn = any(?) and h.stage = 'TAF' and h.entered_at > c.opened_at + interval '6 weeks'",
                (Object) URNS)).isPositive();

        var startOfToday = LocalDate.now(London.ZONE).atStartOfDay(London.ZONE).toInstant();
        var startOfTomorrow = LocalDate.now(London.ZONE).plusDays(1).atStartOfDay(London.ZONE).toInstant();
        long overdue = 0;
        for (String officer : List.of("officer.millbrook", "officer.stannes", "officer.castlehill")) {
            var counts = work.counts(staff.find(officer).orElseThrow(), startOfToday, startOfTomorrow);
            assertThat(counts.overdue()).as(officer + "'s overdue tasks").isGreaterThanOrEqualTo(2);
            overdue += counts.overdue();
        }
        assertThat(overdue).isGreaterThanOrEqualTo(6);
        // Today's first-day contact and the follow-ups of the demo's current runs of unexplained absence are due today.
        assertThat(List.of("officer.millbrook", "officer.stannes", "officer.castlehill").stream()
                .mapToLong(o -> work.counts(staff.find(o).orElseThrow(), startOfToday, startOfTomorrow).dueToday()).sum())
                .isPositive();
        // The manager gets the "Overdue" follow-ups of the tasks that passed their due dates.
        assertThat(work.workable(staff.find("manager.castlehill").orElseThrow()))
                .extracting(CaseWork.WorkItem::name).anyMatch(name -> name.startsWith("Overdue: "));
    }

    @Autowired
    DemoLegalStages legalStages;
    @Autowired
    org.openattendance.school.SchoolDays schoolDays;

    @Test
    void showsANewcomerACaseAtEachLegalStage() throws Exception {
        assertThat(legalStages.finished.get(8, TimeUnit.MINUTES)).as("the demo's legal stages were made").isTrue();

        // A Notice to Improve in its improvement period, issued by the LA on the school's request.
        assertThat(count("select count(*) from legal_notice_to_improve where school_urn = any(?) and status = 'OPEN' "
                + "and period_end >= current_date", (Object) URNS)).isPositive();
        assertThat(jdbc.queryForList("select distinct c.stage from attendance_case c join legal_notice_to_improve n "
                + "on n.case_id = c.id where c.school_urn = any(?)", String.class, (Object) URNS))
                .containsExactly("NOTICE_TO_IMPROVE");
        // A term-time holiday's request waiting for the LA's decision, with its decision task in the LA's inbox.
        assertThat(count("select count(*) from legal_penalty_request where school_urn = any(?) and status = 'SUBMITTED' "
                + "and route = 'TERM_TIME_HOLIDAY'", (Object) URNS)).isPositive();
        assertThat(work.workable(staff.find("la.officer").orElseThrow())).extracting(CaseWork.WorkItem::taskKey)
                .contains("decide-request");
        // Notices issued and served: one with no payment, one part paid, one paid in full.
        assertThat(count("""
                select count(*) from legal_penalty_notice n where n.school_urn = any(?) and n.status = 'ISSUED'
                and n.service_method is not null and not exists (select 1 from legal_payment p where p.notice_id = n.id)""",
                (Object) URNS)).isPositive();
        assertThat(count("""
                select count(*) from legal_penalty_notice n where n.school_urn = any(?) and n.status = 'ISSUED'
                and exists (select 1 from legal_payment p where p.notice_id = n.id)""", (Object) URNS)).isPositive();
        assertThat(count("select count(*) from legal_penalty_notice where school_urn = any(?) and status = 'PAID'",
                (Object) URNS)).isPositive();
        // Made once: a second start does nothing more.
        int requests = count("select count(*) from legal_penalty_request where school_urn = any(?)", (Object) URNS);
        var alreadyWorked = new DemoCaseHistory(work, null, staff, jdbc, transactions, clock);
        alreadyWorked.finished.complete(false);
        var again = new DemoLegalStages(alreadyWorked, work, null, staff, null, null, null, null, null, jdbc, transactions, clock);
        again.afterTheCaseHistory();
        assertThat(again.finished.get()).isFalse();
        assertThat(count("select count(*) from legal_penalty_request where school_urn = any(?)", (Object) URNS))
                .isEqualTo(requests);
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void takesACaseToProsecutionThroughItsNoticeUnpaidPastItsTwentyEightDays() throws Exception {
        assertThat(legalStages.finished.get(8, TimeUnit.MINUTES)).as("the demo's legal stages were made").isTrue();
        LocalDate today = LocalDate.now(clock);

        // The prosecution of a parent whose notice went unpaid: the notice posted weeks ago, its 28 days from receipt
        // over (the process's own timer marked it unpaid), the LA's decision a few days ago.
        var prosecuted = jdbc.queryForMap("""
                select n.number, n.upn, n.case_id, n.issued_on, n.served_on, n.received_on, r.requested_at, r.decided_at,
                       p.created_at prosecuted_at, p.status prosecution_status
                from legal_prosecution p join legal_penalty_notice n on n.id = p.notice_id
                join legal_penalty_request r on r.id = n.request_id
                where n.school_urn = any(?) and n.status = 'PROSECUTED' order by n.number limit 1""", (Object) URNS);
        LocalDate issued = ((Date) prosecuted.get("issued_on")).toLocalDate();
        LocalDate received = ((Date) prosecuted.get("received_on")).toLocalDate();
        assertThat(prosecuted.get("prosecution_status")).isEqualTo("PREPARING");
        assertThat(((Date) prosecuted.get("served_on")).toLocalDate()).as("posted the day it was issued").isEqualTo(issued);
        assertThat(received).isAfter(issued);
        assertThat(received.plusDays(28)).as("the 28 days from receipt are over").isBefore(today);
        LocalDate requested = day(prosecuted.get("requested_at"));
        assertThat(requested).isBefore(issued);
        assertThat(day(prosecuted.get("decided_at"))).isEqualTo(issued);
        LocalDate decidedToProsecute = day(prosecuted.get("prosecuted_at"));
        assertThat(decidedToProsecute).isAfter(received.plusDays(28)).isBeforeOrEqualTo(today);
        // The case's timeline follows the story: the request, the notice unpaid the day after its 28 days, the stage.
        Object caseId = prosecuted.get("case_id");
        assertThat(jdbc.queryForObject("select stage from attendance_case where id = ?", String.class, caseId))
                .isEqualTo("PROSECUTION");
        assertThat(jdbc.queryForList("select (at at time zone 'Europe/London')::date from case_event where case_id = ? "
                + "and name like 'Penalty notice requested from the LA%'", Date.class, caseId))
                .extracting(Date::toLocalDate).containsExactly(requested);
        assertThat(jdbc.queryForList("select (at at time zone 'Europe/London')::date from case_event where case_id = ? "
                + "and name = ?", Date.class, caseId, "Notice " + prosecuted.get("number") + " not paid in time"))
                .extracting(Date::toLocalDate).containsExactly(received.plusDays(29));
        assertThat(jdbc.queryForObject("select min(at) from case_event where case_id = ?", java.sql.Timestamp.class, caseId)
                .toInstant()).as("the case was opened before its story").isBefore(
                requested.atStartOfDay(London.ZONE).toInstant());
        // The prosecution's first task waits in the LA officer's inbox, not yet overdue.
        assertThat(work.workableFor(staff.find("la.officer").orElseThrow(), (String) prosecuted.get("upn")))
                .filteredOn(t -> "consider-eso".equals(t.taskKey())).isNotEmpty()
                .allSatisfy(t -> assertThat(t.due()).isAfter(clock.instant()));

        // It reads as a real case would. The support ladder runs alongside the notice route: the letter to the parents
        // was reviewed and sent before the request (not left open since the case opened), the meeting held, a plan
        // agreed; every due date, and every manager's "Overdue" follow-up, is on a school day of the school's calendar.
        String urn = jdbc.queryForObject("select school_urn from attendance_case where id = ?", String.class, caseId);
        String upn = (String) prosecuted.get("upn");
        assertThat(jdbc.queryForList("select (at at time zone 'Europe/London')::date from case_event where case_id = ? "
                + "and name = 'Completed: Review the letter to the parents'", Date.class, caseId))
                .extracting(Date::toLocalDate).containsExactly(requested);
        assertThat(jdbc.queryForList("select name from case_event where case_id = ? and name like 'Completed: %'",
                String.class, caseId)).contains("Completed: Arrange the meeting and invite the parents",
                "Completed: Hold a meeting with the parents", "Completed: Agree a support plan");
        assertThat(count("select count(*) from case_event where case_id = ? and name = 'Letter requested: below-95-percent'",
                caseId)).isEqualTo(1);
        // Its letters are dated on the days of the story, not the day the demo was made: the notice the day it was issued.
        // (Letters are made by the notification module's listener, after the step: wait for them.)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(jdbc.queryForList("select (created_at at time zone 'Europe/London')::date from letter where "
                    + "case_id = ? and template_key = 'penalty-notice'", Date.class, caseId)).extracting(Date::toLocalDate)
                    .isNotEmpty().containsOnly(issued);
            assertThat(jdbc.queryForList("select (created_at at time zone 'Europe/London')::date from letter where "
                    + "case_id = ? and template_key = 'below-95-percent'", Date.class, caseId)).extracting(Date::toLocalDate)
                    .containsExactly(requested);
        });
        var school = DemoSchool.ALL.stream().filter(each -> each.urn().equals(urn)).findFirst().orElseThrow();
        var openTasks = new java.util.ArrayList<CaseWork.WorkItem>();
        for (String user : List.of("officer." + school.shortName(), "la.officer", "la.manager")) {
            openTasks.addAll(work.workableFor(staff.find(user).orElseThrow(), upn));
        }
        assertThat(openTasks).extracting(CaseWork.WorkItem::taskKey).doesNotContain("review-letter").contains("consider-eso");
        assertThat(openTasks).allSatisfy(task -> assertThat(schoolDays.isSchoolDay(urn,
                task.due().atZone(London.ZONE).toLocalDate())).as("%s due %s", task.name(), task.due()).isTrue());
        var dueFormat = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
        assertThat(jdbc.queryForList("select name || ': ' || detail from case_event where case_id = ? and kind = 'TASK' "
                + "and detail like 'due %'", String.class, caseId)).isNotEmpty().allSatisfy(line -> assertThat(
                schoolDays.isSchoolDay(urn, LocalDate.parse(line.substring(line.lastIndexOf(": due ") + 6), dueFormat)))
                .as(line).isTrue());
        assertThat(jdbc.queryForList("select (at at time zone 'Europe/London')::date from case_event where case_id = ? "
                + "and name like 'Task: Overdue: %'", Date.class, caseId)).extracting(Date::toLocalDate)
                .allSatisfy(day -> assertThat(schoolDays.isSchoolDay(urn, day)).as("an Overdue task made on %s", day).isTrue());

        // The other notices on their days too: none issued today, payments between issue and today.
        assertThat(jdbc.queryForList("select issued_on from legal_penalty_notice where school_urn = any(?)", Date.class,
                (Object) URNS)).extracting(Date::toLocalDate).allSatisfy(on -> assertThat(on).isBefore(today));
        assertThat(count("""
                select count(*) from legal_payment p join legal_penalty_notice n on n.id = p.notice_id
                where n.school_urn = any(?) and (p.paid_on < n.served_on or p.paid_on > current_date)""", (Object) URNS))
                .isZero();
        assertThat(count("""
                select count(*) from legal_payment p join legal_penalty_notice n on n.id = p.notice_id
                where n.school_urn = any(?) and p.paid_on < current_date""", (Object) URNS)).isPositive();
        assertThat(jdbc.queryForList("select issued_on from legal_notice_to_improve where school_urn = any(?)", Date.class,
                (Object) URNS)).extracting(Date::toLocalDate).isNotEmpty().allSatisfy(on -> assertThat(on).isBefore(today));

        // Every notice whose service was recorded shows the day it was posted on its page.
        var served = jdbc.queryForList("select number, served_on from legal_penalty_notice where school_urn = any(?) "
                + "and served_on is not null", (Object) URNS);
        assertThat(served).hasSizeGreaterThanOrEqualTo(4);
        var la = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                staff.find("la.officer").orElseThrow());
        for (var notice : served) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/penalty-notices/{n}",
                            notice.get("number")).with(la))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                            org.hamcrest.Matchers.containsString("Posted first class on "
                                    + org.openattendance.shared.BritishDates.day(((Date) notice.get("served_on")).toLocalDate()))));
        }
    }

    private static LocalDate day(Object timestamp) {
        return ((java.sql.Timestamp) timestamp).toInstant().atZone(London.ZONE).toLocalDate();
    }
}
