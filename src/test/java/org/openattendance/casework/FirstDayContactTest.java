package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.attendance.AttendanceSnapshots;
import org.openattendance.school.Phase;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.security.Role;
import org.openattendance.shared.London;
import org.openattendance.support.Fixtures;
import org.openattendance.support.RegisterUploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First-day contact at register close: an N in the morning register alone is the first day of absence to chase that
 * morning; N marks left unresolved (loaded late for an earlier day, or left when a run ended) get a follow-up task.
 */
@IntegrationTest
class FirstDayContactTest {

    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    SchoolAdministration schools;
    @Autowired
    AttendanceSnapshots snapshots;
    @Autowired
    PlatformTransactionManager transactions;

    Fixtures.TestSchool school;
    String officer;
    String socialWorker;

    @BeforeEach
    void setUp() {
        school = fixtures.school(fixtures.newLaCode());
        officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        socialWorker = fixtures.user(Role.SOCIAL_WORKER, Set.of(), school.laCode());
    }

    @Test
    void aMorningNAloneGivesTheSchoolItsContactTaskAndTellsTheSocialWorker() {
        String upn = fixtures.pupilWithSocialWorker(school, socialWorker);
        LocalDate day = Fixtures.weekdaysAgo(1);

        load("upn,date,session,code\n" + upn + "," + day + ",AM,N\n");

        await().atMost(Duration.ofSeconds(60)).until(() -> openTasks(upn, "contact-parents") == 1);
        assertThat(tasks(officer, upn)).extracting(t -> t.get("name")).contains("Contact the parents today");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from act_ru_task where task_def_key_ = 'tell-social-worker' and assignee_ = ?",
                Integer.class, socialWorker) == 1);
        var snapshot = snapshot(upn);
        assertThat(snapshot).containsEntry("unexplained_streak_days", 1).containsEntry("unresolved_sessions", 0);
        assertThat(taskService.getVariable(taskId(upn, "contact-parents"), "absenceDate")).isEqualTo(day.toString());

        // The afternoon N the same day is the same day of absence: no second task.
        Object computed = snapshot.get("computed_at");
        load("upn,date,session,code\n" + upn + "," + day + ",PM,N\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> !computed.equals(snapshot(upn).get("computed_at")));
        assertThat(snapshot(upn)).containsEntry("unexplained_streak_days", 1);
        assertThat(openTasks(upn, "contact-parents")).isEqualTo(1);
    }

    @Test
    void anNThisMorningLoadedBeforeTheRegisterClosesIsChasedOnceItCloses() {
        LocalDate today = Fixtures.today();
        Assumptions.assumeTrue(today.getDayOfWeek() != DayOfWeek.SATURDAY && today.getDayOfWeek() != DayOfWeek.SUNDAY,
                "marks for today need a school day");
        Assumptions.assumeTrue(LocalTime.now(London.ZONE).isBefore(LocalTime.of(23, 50)));
        setClosingTime(LocalTime.of(23, 59));
        String upn = fixtures.pupils(school, 1).get(0);

        load("upn,date,session,code\n" + upn + "," + today + ",AM,N\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> snapshot(upn) != null);
        assertThat(snapshot(upn)).containsEntry("morning_pending", true).containsEntry("unexplained_streak_days", 0)
                .containsEntry("unresolved_sessions", 0);
        assertThat(openTasks(upn, "contact-parents")).isZero();

        setClosingTime(LocalTime.of(0, 1));
        assertThat(snapshots.recalculateClosedMornings()).isGreaterThanOrEqualTo(1);

        assertThat(snapshot(upn)).containsEntry("morning_pending", false).containsEntry("unexplained_streak_days", 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> openTasks(upn, "contact-parents") == 1);
        assertThat(taskService.getVariable(taskId(upn, "contact-parents"), "absenceDate")).isEqualTo(today.toString());
    }

    /**
     * The load itself announces this morning's N marks: their pupils are recalculated first, so the contact task does
     * not wait for the recalculation of everyone else the load touched (here held up by a lock on another pupil's
     * snapshot, as fifty schools' rolls hold it up on a Monday morning). The recalculation of the roll then signals
     * nothing twice, and loading the register again opens no second task.
     */
    @Test
    void aMorningNLoadedAfterTheRegisterClosesIsChasedWithoutWaitingForTheRestOfTheRoll() throws Exception {
        LocalDate today = Fixtures.today();
        Assumptions.assumeTrue(today.getDayOfWeek() != DayOfWeek.SATURDAY && today.getDayOfWeek() != DayOfWeek.SUNDAY,
                "marks for today need a school day");
        Assumptions.assumeTrue(LocalTime.now(London.ZONE).isAfter(LocalTime.of(0, 2)), "the register closes at 0:01");
        setClosingTime(LocalTime.of(0, 1));
        String present = fixtures.pupils(school, 1).get(0);
        String absent = fixtures.pupilWithSocialWorker(school, socialWorker);
        LocalDate yesterday = Fixtures.weekdaysAgo(1);
        load("upn,date,session,code\n" + present + "," + yesterday + ",AM,/\n" + absent + "," + yesterday + ",AM,/\n"
                + present + "," + today + ",AM,/\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshot(present) != null && snapshot(absent) != null);
        Object presentComputed = snapshot(present).get("computed_at");

        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var transaction = new TransactionTemplate(transactions);
        var holder = new Thread(() -> transaction.executeWithoutResult(status -> {
            jdbc.queryForList("select s.pupil_id from attendance_snapshot s join pupil p on p.id = s.pupil_id "
                    + "where p.upn = ? for update of s", present);
            holding.countDown();
            try {
                release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), "holds-the-roll");
        holder.start();
        try {
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            String register = "upn,date,session,code\n" + present + "," + today + ",AM,/\n" + absent + "," + today + ",AM,N\n";
            load(register);

            await().atMost(Duration.ofSeconds(60)).until(() -> openTasks(absent, "contact-parents") == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from act_ru_task where task_def_key_ = 'tell-social-worker' and assignee_ = ?",
                    Integer.class, socialWorker) == 1);
            assertThat(snapshot(absent)).containsEntry("unexplained_streak_days", 1);
            assertThat(snapshot(present).get("computed_at")).as("the rest of the roll is still waiting")
                    .isEqualTo(presentComputed);
            assertThat(taskService.getVariable(taskId(absent, "contact-parents"), "absenceDate")).isEqualTo(today.toString());
        } finally {
            release.countDown();
            holder.join(30_000);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> !presentComputed.equals(snapshot(present).get("computed_at")));
        // Loaded again (the same marks: nothing changes) and recalculated again (as a redelivered event would).
        load("upn,date,session,code\n" + present + "," + today + ",AM,/\n" + absent + "," + today + ",AM,N\n");
        assertThat(snapshots.recalculate(jdbc.queryForList("select id from pupil where upn in (?, ?)", Long.class,
                present, absent))).isEqualTo(2);
        assertThat(openTasks(absent, "contact-parents")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from attendance_signal_crossing c join pupil p on p.id = c.pupil_id "
                + "where p.upn = ? and c.kind = 'UNEXPLAINED_ABSENCE'", Integer.class, absent)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from case_event e join attendance_case c on c.id = e.case_id "
                + "where c.upn = ? and e.kind = 'SIGNAL' and e.name = 'Unexplained absence (day 1)'", Integer.class, absent))
                .isEqualTo(1);
    }

    @Test
    void anNLoadedLateForAnEarlierDayGetsAFollowUpTaskThatAmendsTheMarks() {
        String upn = fixtures.pupils(school, 1).get(0);
        LocalDate earlier = Fixtures.weekdaysAgo(2);
        LocalDate yesterday = Fixtures.weekdaysAgo(1);

        load("upn,date,session,code\n" + upn + "," + earlier + ",AM,N\n" + upn + "," + earlier + ",PM,N\n"
                + upn + "," + yesterday + ",AM,/\n" + upn + "," + yesterday + ",PM,\\\n");

        await().atMost(Duration.ofSeconds(60)).until(() -> openTasks(upn, "chase-unexplained-marks") == 1);
        assertThat(snapshot(upn)).containsEntry("unexplained_streak_days", 0).containsEntry("unresolved_sessions", 2);
        assertThat(openTasks(upn, "contact-parents")).isZero();
        var task = tasks(officer, upn).stream().filter(t -> "chase-unexplained-marks".equals(t.get("taskKey")))
                .findFirst().orElseThrow();
        assertThat(task).containsEntry("name", "Find the reason for earlier unexplained absence");
        String id = (String) task.get("id");
        assertThat(taskService.getVariable(id, "unresolvedFrom")).isEqualTo(earlier.toString());
        assertThat(taskService.getVariable(id, "unresolvedTo")).isEqualTo(earlier.toString());
        // Due 5 school days after the absence (the fixture's closed day does not count), at the end of the day.
        LocalDate due = taskService.createTaskQuery().taskId(id).singleResult().getDueDate().toInstant()
                .atZone(London.ZONE).toLocalDate();
        assertThat(due).isAfter(earlier.plusDays(6));

        http.withBasicAuth(officer, PASSWORD).postForEntity("/api/tasks/" + id + "/claim", null, Map.class);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var done = http.withBasicAuth(officer, PASSWORD).exchange("/api/tasks/" + id + "/complete", HttpMethod.POST,
                new HttpEntity<>(Map.of("outcome", "REASON_GIVEN", "code", "M", "notes", "Dentist; mother phoned today"),
                        headers), Map.class);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(jdbc.queryForList("select m.code from session_mark m join pupil p on p.id = m.pupil_id "
                + "where p.upn = ? and m.mark_date = ?", String.class, upn, earlier)).containsExactly("M", "M");
        assertThat(jdbc.queryForList("select a.reason from mark_amendment a join pupil p on p.id = a.pupil_id where p.upn = ?",
                String.class, upn)).containsOnly("Reason found: Dentist; mother phoned today").hasSize(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(0).equals(snapshot(upn).get("unresolved_sessions")));
    }

    @Test
    void theNoContactLetterNamesTheLastDayOfAbsenceNotTheDayItWasSent() {
        String upn = fixtures.pupilWithSocialWorker(school, socialWorker);
        LocalDate first = Fixtures.weekdaysAgo(4);
        LocalDate last = Fixtures.weekdaysAgo(2); // the day between is the fixture's closed day; yesterday is not marked yet
        load("upn,date,session,code\n" + upn + "," + first + ",AM,N\n" + upn + "," + first + ",PM,N\n"
                + upn + "," + last + ",AM,N\n" + upn + "," + last + ",PM,N\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> openTasks(upn, "contact-parents") == 1);
        String id = taskId(upn, "contact-parents");
        assertThat(taskService.getVariable(id, "absenceDate")).isEqualTo(last.toString());

        http.withBasicAuth(officer, PASSWORD).postForEntity("/api/tasks/" + id + "/claim", null, Map.class);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth(officer, PASSWORD).exchange("/api/tasks/" + id + "/complete", HttpMethod.POST,
                new HttpEntity<>(Map.of("outcome", "NO_CONTACT", "notes", "No answer from either number"), headers),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(60)).until(() -> !letters(upn).isEmpty());
        String html = letters(upn).get(0);
        // The letter is dated today; the absence it names is the last day of N.
        assertThat(html).containsAnyOf("most recently on " + last, "most recently on " + british(last));
        assertThat(html).doesNotContain("most recently on " + Fixtures.today())
                .doesNotContain("most recently on " + british(Fixtures.today()));
    }

    private static String british(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }

    private List<String> letters(String upn) {
        return jdbc.queryForList("select html from letter where upn = ? and template_key = 'no-contact'", String.class, upn);
    }

    private void setClosingTime(LocalTime closes) {
        schools.saveSchool(new SchoolAdministration.SchoolData(school.urn(), "Test School " + school.urn(),
                school.laCode(), Phase.PRIMARY, closes));
    }

    private void load(String csv) {
        RegisterUploads.load(http, officer, school.urn(), csv);
    }

    private int openTasks(String upn, String taskKey) {
        return (int) taskService.createTaskQuery().processInstanceBusinessKeyLike(upn + "-%").taskDefinitionKey(taskKey)
                .count();
    }

    private String taskId(String upn, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKeyLike(upn + "-%").taskDefinitionKey(taskKey)
                .singleResult().getId();
    }

    private List<Map<String, Object>> tasks(String user, String upn) {
        return http.withBasicAuth(user, PASSWORD).exchange("/api/tasks?upn=" + upn, HttpMethod.GET, null, LIST).getBody();
    }

    private Map<String, Object> snapshot(String upn) {
        var rows = jdbc.queryForList("select s.* from attendance_snapshot s join pupil p on p.id = s.pupil_id where p.upn = ?", upn);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
