package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openattendance.IntegrationTest;
import org.openattendance.support.EngineAtNow;
import org.openattendance.casework.CaseProcessSupport.TestCase;
import org.openattendance.notification.LetterRequested;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.security.Role;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.London;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** The no-contact letter, the CME referral's record of what the school tried, school-day periods. */
@IntegrationTest
@ExtendWith(EngineAtNow.class)
class CaseFollowUpsTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    CaseProcessSupport cases;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LetterRequests letters;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SchoolAdministration schools;
    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseSignals signals;

    @Test
    void atTheNoContactPolicyStepTheParentsGetTheNoContactLetterOncePerRunOfAbsence() {
        TestCase c = cases.openCase();
        for (int day = 1; day <= 2; day++) {
            cases.send(c, "UnexplainedAbsence", "unexplainedDays", day, "absenceDate", Fixtures.weekdaysAgo(5 - day).toString());
            cases.complete(c, "contact-parents", "outcome", "NO_CONTACT");
        }
        assertThat(letters.of(c.caseId())).isEmpty();

        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 3, "absenceDate", Fixtures.weekdaysAgo(2).toString());
        cases.complete(c, "contact-parents", "outcome", "NO_CONTACT");

        assertThat(c.instance()).hasPassed("no-contact-letter");
        assertThat(cases.open(c, "home-visit")).hasSize(1);
        assertThat(letters.of(c.caseId())).singleElement().satisfies(letter -> {
            assertThat(letter.templateKey()).isEqualTo("no-contact");
            assertThat(letter.fields()).containsEntry("unexplainedDays", "3")
                    .containsEntry("absenceDate", Fixtures.weekdaysAgo(2).toString());
        });

        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 4, "absenceDate", Fixtures.weekdaysAgo(1).toString());
        cases.complete(c, "contact-parents", "outcome", "NO_CONTACT");
        assertThat(letters.of(c.caseId())).as("same run of absence: the same step key").extracting(LetterRequested::stepKey)
                .containsOnly(letters.of(c.caseId()).get(0).stepKey());
        String step = letters.of(c.caseId()).get(0).stepKey();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from letter where step_key = ?", Integer.class, step) == 1);
        assertThat(jdbc.queryForObject("select template_key from letter where step_key = ?", String.class, step))
                .isEqualTo("no-contact");
    }

    @Test
    void theSupportPlanReviewAndTheMonitoringPeriodCountSchoolDaysSoAHalfTermDoesNotCount() {
        TestCase c = cases.openCase();
        var year = new AcademicYear(2026);
        schools.saveCalendar(c.schoolUrn(), year, new SchoolAdministration.CalendarData(List.of(
                new SchoolAdministration.TermData(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 2, 12)),
                new SchoolAdministration.TermData(LocalDate.of(2027, 2, 22), LocalDate.of(2027, 7, 21))), List.of()));
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2027, 2, 1).atTime(10, 0).atZone(London.ZONE).toInstant()));
        // 30 school days from Monday 1 February 2027: 9 before half term (15 to 19 February), 21 after it.
        var expected = Date.from(LocalDate.of(2027, 3, 22).atTime(8, 0).atZone(London.ZONE).toInstant());

        cases.send(c, "BelowAttendanceThreshold");
        cases.complete(c, "review-letter", "letterDecision", "DO_NOT_SEND");
        cases.complete(c, "arrange-meeting");
        cases.complete(c, "meeting");
        cases.complete(c, "support-plan");
        assertThat(timerAt(c, "review-date")).isEqualTo(expected);

        cases.send(c, "AttendanceRecovered");
        assertThat(timerAt(c, "monitoring-over")).isEqualTo(expected);
        cases.passTime(c, Duration.between(ClockUtil.getCurrentTime().toInstant(), expected.toInstant()).minusMinutes(1));
        assertThat(c.instance()).isActive();
        cases.passTime(c, Duration.ofMinutes(2));
        assertThat(c.instance()).isEnded().hasPassed("close-case");
    }

    @Test
    void aSameDayTaskMadeOnASaturdayOrInHalfTermIsDueOnTheNextSchoolDayNotThen() {
        var year = new AcademicYear(2026);
        for (LocalDate madeOn : List.of(LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 17))) { // a Saturday; half term
            TestCase c = cases.openCase();
            schools.saveCalendar(c.schoolUrn(), year, new SchoolAdministration.CalendarData(List.of(
                    new SchoolAdministration.TermData(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 2, 12)),
                    new SchoolAdministration.TermData(LocalDate.of(2027, 2, 22), LocalDate.of(2027, 7, 21))), List.of()));
            ClockUtil.setCurrentTime(Date.from(madeOn.atTime(10, 0).atZone(London.ZONE).toInstant()));

            // "Contact the parents today" is due the same school day (the ladder policy's 0 days).
            cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1, "absenceDate", LocalDate.of(2027, 2, 12).toString());

            LocalDate nextSchoolDay = madeOn.getDayOfMonth() == 6 ? LocalDate.of(2027, 2, 8) : LocalDate.of(2027, 2, 22);
            assertThat(cases.one(c, "contact-parents").getDueDate()).as("made on %s", madeOn)
                    .isEqualTo(Date.from(nextSchoolDay.atTime(17, 0).atZone(London.ZONE).toInstant()));
        }
    }

    private Date timerAt(TestCase c, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(c.id()).activityId(activityId).timers()
                .singleResult().getDuedate();
    }

    @Test
    void theCmeReferralFormShowsTheSchoolsRecordOfWhatItTried() {
        TestCase c = cases.openCase();
        String laOfficer = fixtures.user(Role.LA_OFFICER, Set.of(), c.laCode());
        for (int day = 1; day <= 3; day++) {
            cases.send(c, "UnexplainedAbsence", "unexplainedDays", day, "absenceDate", Fixtures.weekdaysAgo(5 - day).toString());
            cases.complete(c, "contact-parents", "outcome", "NO_CONTACT");
        }
        cases.complete(c, "home-visit", "visitOutcome", "NO_ANSWER");
        cases.send(c, "ContinuousAbsence", "unexplainedDays", 10);

        var referral = cases.one(c, "cme-referral");
        String record = (String) engine.getTaskService().getVariable(referral.getId(), "schoolAttempts");
        assertThat(record.lines().filter(l -> l.contains("Contact the parents today"))).hasSize(3);
        assertThat(record).contains("Visit the home (safeguarding)", "Letter requested: no-contact");

        var form = http.withBasicAuth(laOfficer, Fixtures.PASSWORD).getForEntity("/api/tasks/" + referral.getId() + "/form",
                String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("What the school tried", "Visit the home (safeguarding)")
                .doesNotContain("{{schoolAttempts}}");
    }

    @Test
    void aSignalDeliveredAgainByAResubmittedPublicationChangesNothing() {
        TestCase c = cases.openCase();
        var kase = cases.recordOf(c);
        var signal = new org.openattendance.attendance.AttendanceSignal(
                org.openattendance.attendance.SignalKind.UNEXPLAINED_ABSENCE, kase.pupilId(), kase.upn(), kase.schoolUrn(),
                kase.academicYear(), Fixtures.today(), new org.openattendance.attendance.AttendanceSnapshot(kase.pupilId(),
                kase.academicYear(), Fixtures.today(), 20, 0, 0, 20, java.math.BigDecimal.ZERO,
                org.openattendance.attendance.calculator.AttendanceBand.values()[0], 20, null, null, true, 1, 0));

        signals.handle(signal);
        signals.handle(signal);

        assertThat(cases.open(c, "contact-parents")).hasSize(1);
        assertThat(cases.timeline(c).stream().filter(e -> e.kind() == CaseEventKind.SIGNAL)).hasSize(1);
    }
}
