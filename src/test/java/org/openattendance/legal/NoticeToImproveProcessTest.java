package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openattendance.IntegrationTest;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.support.EngineAtNow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Notice to Improve's process: issued by the school, the letter to each parent who lives with the pupil, the
 * period's end as a timer counted in school weeks (over a half term), and the register compared with the policy.
 */
@IntegrationTest
@ExtendWith(EngineAtNow.class)
class NoticeToImproveProcessTest {

    static final LocalDate MONDAY_1_FEBRUARY = LocalDate.of(2027, 2, 1);

    @Autowired
    LegalProcessSupport process;
    @Autowired
    LegalFixtures families;
    @Autowired
    NoticesToImprove notices;
    @Autowired
    JdbcTemplate jdbc;

    LegalFixtures.Child child;

    @BeforeEach
    void aSchoolWithHalfTermInFebruary() {
        LegalProcessSupport.today(MONDAY_1_FEBRUARY, LocalTime.of(10, 0));
        child = families.family(families.schoolIn2026To2027(true), 1, List.of(LegalFixtures.parent("Sam Parent"),
                LegalFixtures.parent("Jo Parent"),
                new SchoolAdministration.ParentData("Pat Other", "Father", true, false, null, null, "9 Far Road"))).child();
    }

    org.camunda.bpm.engine.runtime.ProcessInstance issued() {
        var instance = process.start("notice-to-improve", child, "issuedBy", "SCHOOL");
        assertThat(process.one(instance, "issue-nti")).hasCandidateGroup(
                "school-" + jdbc.queryForObject("select school_urn from pupil where id = ?", String.class, child.pupilId())
                        + "-attendance");
        process.complete(instance, "issue-nti", "supportGiven", "Meetings in October and November; a support plan",
                "supportAvailable", "The family support worker; breakfast club", "contactName", "Mrs Green",
                "contactPhone", "01733 232949");
        return instance;
    }

    @Test
    void theImprovementPeriodOfSixSchoolWeeksOverHalfTermEndsOnMonday22MarchAndIsCheckedTheMorningAfter() {
        var instance = issued();

        assertThat(instance).isWaitingAt("nti-period-over");
        assertThat(process.timers(instance)).extracting(Job::getDuedate)
                .contains(LegalProcessSupport.at(LocalDate.of(2027, 3, 23), LocalTime.of(7, 0)));
        var notice = notices.ofPupil(child.pupilId()).get(0);
        assertThat(notice.period().end()).isEqualTo(LocalDate.of(2027, 3, 22));
        assertThat(notice.processInstanceId()).isEqualTo(instance.getId());
    }

    @Test
    void theLetterGoesToEachParentWithParentalResponsibilityWhoLivesWithThePupil() {
        issued();
        var notice = notices.ofPupil(child.pupilId()).get(0);
        String step = "notice-to-improve-" + notice.id();

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from letter where step_key = ?", Integer.class, step) == 1);

        assertThat(jdbc.queryForList("select r.parent_name from letter_recipient r join letter l on l.id = r.letter_id "
                + "where l.step_key = ? order by r.id", String.class, step)).containsExactly("Sam Parent", "Jo Parent");
        assertThat(jdbc.queryForObject("select html from letter where step_key = ?", String.class, step))
                .contains("22 March 2027").contains("The family support worker").contains("Mrs Green")
                .contains("no unauthorised absence");
    }

    @Test
    void noUnauthorisedAbsenceInThePeriodEndsItImproved() {
        var instance = issued();
        families.marks(child.pupilId(), "/", List.of(LocalDate.of(2027, 2, 3), LocalDate.of(2027, 3, 22)));

        process.passTo(instance, LocalDate.of(2027, 3, 22), LocalTime.of(18, 0));
        assertThat(instance).isWaitingAt("nti-period-over");
        process.passTo(instance, LocalDate.of(2027, 3, 23), LocalTime.of(8, 0));

        assertThat(instance).isEnded().hasPassed("nti-end-improved").variables().containsEntry("ntiOutcome", "IMPROVED");
    }

    @Test
    void unauthorisedAbsenceInThePeriodAsksTheSchoolWhatFollowsAndTheSchoolDecides() {
        var instance = issued();
        families.marks(child.pupilId(), "U", List.of(LocalDate.of(2027, 3, 1)));

        process.passTo(instance, LocalDate.of(2027, 3, 23), LocalTime.of(8, 0));

        var task = process.one(instance, "nti-next-step");
        assertThat(process.variable(task, "ntiSummary").toString())
                .contains("2 sessions counting toward the penalty threshold");
        process.complete(instance, "nti-next-step", "ntiNextStep", "REQUEST_PENALTY_NOTICE");
        assertThat(instance).isEnded().hasPassed("nti-end-not-improved");
        assertThat(notices.ofPupil(child.pupilId()).get(0).decision().step()).isEqualTo(NextStep.REQUEST_PENALTY_NOTICE);
    }
}
