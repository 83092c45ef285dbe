package org.openattendance.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openattendance.IntegrationTest;
import org.openattendance.support.EngineAtNow;
import org.openattendance.casework.CaseProcessSupport.TestCase;
import org.openattendance.notification.LetterRequested;
import org.openattendance.school.Cohort;
import org.openattendance.security.Role;
import org.openattendance.shared.London;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path through processes/attendance-case.bpmn on the real engine, with timers driven by hand. */
@IntegrationTest
@ExtendWith(EngineAtNow.class)
class AttendanceCaseProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    CaseProcessSupport cases;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LetterRequests letters;
    @Autowired
    CaseSignals signals;

    @Test
    void anUnexplainedAbsenceGivesTheSchoolAContactTaskWithItsFormDueDateAndDecisionOnTheTimeline() {
        TestCase c = cases.openCase();
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1);

        var task = cases.one(c, "contact-parents");
        assertThat(task).hasCandidateGroup("school-" + c.schoolUrn() + "-attendance").hasName("Contact the parents today");
        assertThat(task.getDueDate()).isAfter(ClockUtil.getCurrentTime());
        assertThat(forms.getTaskFormData(task.getId()).getCamundaFormRef().getKey()).isEqualTo("first-day-contact");
        assertThat(cases.stage(c)).isEqualTo(Stage.FIRST_DAY_CONTACT);
        assertThat(cases.timeline(c)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(CaseEventKind.DECISION);
            assertThat(e.decisionKey()).isEqualTo("no-contact-steps");
            assertThat(e.decisionVersion()).isPositive();
            assertThat(e.detail()).isEqualTo("homeVisitDue = false");
        });

        cases.complete(c, "contact-parents", "outcome", "REASON_GIVEN", "code", "I");

        assertThat(c.instance()).hasPassed("record-reason-given", "reason-recorded").isActive();
        assertThat(cases.open(c, "contact-parents")).isEmpty();
    }

    @Test
    void dueDatesCountSchoolDaysOnTheSchoolsCalendarSkippingWeekendsAndClosures() {
        TestCase c = cases.openCase();
        var london = London.ZONE;
        var dayBeforeClosure = Fixtures.weekdaysAgo(4);
        ClockUtil.setCurrentTime(java.util.Date.from(dayBeforeClosure.atTime(10, 0).atZone(london).toInstant()));
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 3);
        cases.complete(c, "contact-parents", "outcome", "NO_CONTACT");

        var due = cases.one(c, "home-visit").getDueDate().toInstant().atZone(london);
        assertThat(due.toLocalDate()).isEqualTo(Fixtures.weekdaysAgo(2));
        assertThat(due.toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 0));
    }

    @Test
    void anOverdueTaskTellsTheTeamsManagerAndStaysOpen() {
        TestCase c = cases.openCase();
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1);

        assertThat(cases.passTime(c, Duration.ofDays(1))).isEqualTo(1);

        var overdue = cases.one(c, "contact-parents-overdue-task");
        assertThat(overdue).hasName("Overdue: Contact the parents today")
                .hasCandidateGroup("school-" + c.schoolUrn() + "-managers");
        assertThat(cases.open(c, "contact-parents")).hasSize(1);
    }

    @Test
    void noContactRepeatsTheTaskEachDayAndAfterThreeDaysAsksForAHomeVisit() {
        TestCase c = cases.openCase();
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1);
        cases.complete(c, "contact-parents", "outcome", "NO_CONTACT");
        assertThat(c.instance()).hasPassed("try-again-next-absence");

        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 2);
        cases.complete(c, "contact-parents", "outcome", "NO_CONTACT");
        assertThat(cases.open(c, "home-visit")).isEmpty();

        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 3);
        cases.complete(c, "contact-parents", "outcome", "NO_CONTACT");

        assertThat(cases.one(c, "home-visit")).hasCandidateGroup("school-" + c.schoolUrn() + "-attendance");
        assertThat(cases.stage(c)).isEqualTo(Stage.HOME_VISIT);
        cases.complete(c, "home-visit", "visitOutcome", "SEEN");
        assertThat(c.instance()).hasPassed("home-visit-recorded");
    }

    @Test
    void theSocialWorkerIsToldOfEachUnexplainedAbsenceAndTheHomeVisitComesSooner() {
        String socialWorker = fixtures.user(Role.SOCIAL_WORKER, Set.of(), null);
        TestCase c = cases.openCase(socialWorker, Set.of(Cohort.CHILD_IN_NEED));
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 2);

        assertThat(cases.one(c, "tell-social-worker")).isAssignedTo(socialWorker);
        cases.complete(c, "contact-parents", "outcome", "NO_CONTACT");
        assertThat(cases.open(c, "home-visit")).hasSize(1);
    }

    @Test
    void aLookedAfterPupilsVirtualSchoolHeadIsToldOfEachUnexplainedAbsence() {
        TestCase c = cases.openCase(null, Set.of(Cohort.LOOKED_AFTER));
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1);

        assertThat(cases.one(c, "tell-virtual-school")).hasName("Note the unexplained absence (Virtual School Head)")
                .hasCandidateGroup("la-" + c.laCode() + "-virtual-school");
        assertThat(cases.open(c, "tell-social-worker")).isEmpty();
        cases.complete(c, "tell-virtual-school", "virtualSchoolAction", "NOTED");
        cases.complete(c, "contact-parents", "outcome", "NO_CONTACT");
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 2);
        assertThat(cases.open(c, "tell-virtual-school")).hasSize(1);
        assertThat(c.instance()).hasPassed("virtual-school-head-informed");
    }

    @Test
    void aPupilNotLookedAfterHasNoVirtualSchoolTask() {
        TestCase c = cases.openCase();
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1);
        assertThat(cases.open(c, "tell-virtual-school")).isEmpty();
    }

    @Test
    void aSafeguardingConcernAtFirstDayContactHomeVisitOrMeetingGivesTheDesignatedLeadAReferralTask() {
        TestCase c = cases.openCase();
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 3);
        cases.complete(c, "contact-parents", "outcome", "NO_CONTACT", "safeguardingConcern", true);

        var referral = cases.one(c, "refer-social-care");
        assertThat(referral).hasName("Refer to children's social care")
                .hasCandidateGroup("school-" + c.schoolUrn() + "-headteacher");
        assertThat(cases.timeline(c)).anySatisfy(e -> assertThat(e.name()).isEqualTo("Safeguarding concern recorded"));

        cases.complete(c, "home-visit", "visitOutcome", "SEEN", "safeguardingConcern", false);
        assertThat(cases.open(c, "refer-social-care")).hasSize(1);
        cases.complete(c, "refer-social-care", "referralOutcome", "REFERRED", "referredOn", "2026-11-23");
        assertThat(c.instance()).hasPassed("referral-recorded");

        cases.send(c, "BelowAttendanceThreshold");
        cases.complete(c, "review-letter", "letterDecision", "DO_NOT_SEND");
        cases.complete(c, "arrange-meeting");
        cases.complete(c, "meeting", "safeguardingConcern", true);
        assertThat(cases.open(c, "refer-social-care")).hasSize(1);
    }

    @Test
    void aConcernAtContactOrHomeVisitCanReferToTheLaAtOnceBeforeTheTenthDay() {
        TestCase c = cases.openCase();
        cases.send(c, "UnexplainedAbsence", "unexplainedDays", 1);
        cases.complete(c, "contact-parents", "outcome", "NO_CONTACT", "referToLaNow", true);
        assertThat(cases.one(c, "cme-referral")).hasCandidateGroup("la-" + c.laCode() + "-attendance");
        assertThat(cases.stage(c)).isEqualTo(Stage.CME_REFERRAL);
        assertThat(cases.open(c, "refer-social-care")).isEmpty();

        TestCase other = cases.openCase();
        cases.send(other, "UnexplainedAbsence", "unexplainedDays", 3);
        cases.complete(other, "contact-parents", "outcome", "NO_CONTACT");
        assertThat(cases.open(other, "cme-referral")).isEmpty();
        cases.complete(other, "home-visit", "visitOutcome", "NO_ANSWER", "referToLaNow", true);
        assertThat(cases.open(other, "cme-referral")).hasSize(1);

        var kase = cases.recordOf(other);
        var tenthDay = new org.openattendance.attendance.AttendanceSignal(
                org.openattendance.attendance.SignalKind.CONTINUOUS_ABSENCE, kase.pupilId(), kase.upn(), kase.schoolUrn(),
                kase.academicYear(), Fixtures.today(), new org.openattendance.attendance.AttendanceSnapshot(kase.pupilId(),
                kase.academicYear(), Fixtures.today(), 20, 0, 0, 20, java.math.BigDecimal.ZERO,
                org.openattendance.attendance.calculator.AttendanceBand.values()[0], 20, null, null, true, 10, 0));
        signals.handle(tenthDay);
        assertThat(cases.open(other, "cme-referral")).as("the referral made sooner covers the 10th day").hasSize(1);
        assertThat(cases.timeline(other)).anySatisfy(e -> assertThat(e.name()).isEqualTo("Already referred to the LA"));
    }

    @Test
    void continuousAbsenceGivesTheLaAChildMissingEducationTask() {
        TestCase c = cases.openCase();
        cases.send(c, "ContinuousAbsence");

        assertThat(cases.one(c, "cme-referral")).hasCandidateGroup("la-" + c.laCode() + "-attendance");
        assertThat(cases.stage(c)).isEqualTo(Stage.CME_REFERRAL);
        cases.complete(c, "cme-referral", "cmeOutcome", "FOUND_BACK");
        assertThat(c.instance()).hasPassed("enquiry-outcome-recorded");
    }

    @Test
    void theSupportLadderRunsFromTheLetterThroughTafAndContractToTheNoticeRouteAndTheNoticeToImprove() {
        TestCase c = cases.openCase();
        cases.send(c, "BelowAttendanceThreshold");

        assertThat(cases.one(c, "review-letter")).hasName("Review the letter to the parents");
        assertThat(cases.stage(c)).isEqualTo(Stage.LETTER);
        cases.complete(c, "review-letter", "letterDecision", "SEND");
        assertThat(cases.timeline(c)).anySatisfy(e -> assertThat(e.name()).isEqualTo("Letter requested: below-95-percent"));

        assertThat(cases.stage(c)).isEqualTo(Stage.MEETING);
        cases.complete(c, "arrange-meeting", "meetingDate", "2026-11-20");
        cases.complete(c, "meeting", "meetingDate", "2026-11-20");
        assertThat(cases.open(c, "adjustments")).isEmpty();
        assertThat(cases.stage(c)).isEqualTo(Stage.SUPPORT_PLAN);
        cases.complete(c, "support-plan");
        assertThat(cases.passTimeToReviewDate(c)).isGreaterThanOrEqualTo(42);
        cases.complete(c, "review-plan", "reviewOutcome", "NOT_IMPROVED", "otherAgenciesNeeded", true);

        assertThat(cases.one(c, "taf")).hasCandidateGroup("la-" + c.laCode() + "-attendance");
        assertThat(cases.stage(c)).isEqualTo(Stage.TAF);
        cases.complete(c, "taf", "leadPractitionerFrom", "SCHOOL");
        cases.passTimeToReviewDate(c);
        cases.complete(c, "review-plan", "reviewOutcome", "NOT_IMPROVED", "otherAgenciesNeeded", false);

        assertThat(cases.stage(c)).isEqualTo(Stage.ATTENDANCE_CONTRACT);
        cases.complete(c, "contract", "contractOutcome", "SIGNED", "offeredBy", "SCHOOL",
                "contractParties", "Sam Parent and the school", "parentCommitments", "Alex in school by 8.45",
                "providerCommitments", "A weekly check-in", "supportOffered", "Breakfast club",
                "startDate", Fixtures.today().toString(), "firstReview", Fixtures.today().plusDays(42).toString());
        cases.passTimeToReviewDate(c);
        cases.complete(c, "review-plan", "reviewOutcome", "NOT_IMPROVED", "otherAgenciesNeeded", false);

        assertThat(c.instance()).hasPassed("ask-school-to-consider-notice", "passed-to-notice-route");
        assertThat(cases.one(c, "consider-notice")).hasCandidateGroup("school-" + c.schoolUrn() + "-headteacher");
        cases.complete(c, "consider-notice", "recommendation", "NOTICE_TO_IMPROVE");
        assertThat(cases.one(c, "la-decision")).hasCandidateGroup("la-" + c.laCode() + "-attendance");
        cases.complete(c, "la-decision", "laDecision", "ISSUE_NOTICE_TO_IMPROVE");

        assertThat(c.instance()).isWaitingAt("notice-to-improve");
        assertThat(cases.stage(c)).isEqualTo(Stage.NOTICE_TO_IMPROVE);
        assertThat(cases.timeline(c)).filteredOn(e -> "next-stage".equals(e.decisionKey()))
                .extracting(CaseStore.CaseEvent::detail)
                .containsExactly("nextStage = TAF", "nextStage = ATTENDANCE_CONTRACT", "nextStage = NOTICE_TO_IMPROVE");
        var noticeToImprove = engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(c.id()).singleResult();
        assertThat(noticeToImprove.getProcessDefinitionId()).startsWith("notice-to-improve:");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(noticeToImprove.getId()).singleResult())
                .hasName("Issue the Notice to Improve").hasCandidateGroup("school-" + c.schoolUrn() + "-attendance");
    }

    @Test
    void theLetterTheMeetingInvitationAndThePlanCopyAreRequestedWithTheFieldsTheirTemplatesNeed() {
        TestCase c = cases.openCase();
        cases.send(c, "BelowAttendanceThreshold", "attendancePercent", "93.4");
        cases.complete(c, "review-letter", "letterDecision", "SEND", "contactName", "Ms Patel", "contactPhone", "0161 000");
        cases.complete(c, "arrange-meeting", "meetingDate", "2026-12-01", "meetingTime", "09:30", "meetingPlace",
                "Room 4", "contactName", "Ms Patel", "contactPhone", "0161 000");
        assertThat(cases.one(c, "meeting")).isNotNull();
        cases.complete(c, "meeting", "meetingDate", "2026-12-01");
        cases.complete(c, "support-plan", "plan", "Walk to school with a friend", "reviewDate", "2027-01-15",
                "contactName", "Mr Jones", "contactPhone", "0161 111");

        var sent = letters.of(c.caseId());
        assertThat(sent).extracting(LetterRequested::templateKey)
                .containsExactly("below-95-percent", "meeting-invitation", "support-plan");
        assertThat(sent.get(0).fields()).isEqualTo(java.util.Map.of("attendancePercent", "93.4", "contactName", "Ms Patel",
                "contactPhone", "0161 000"));
        assertThat(sent.get(1).fields()).isEqualTo(java.util.Map.of("meetingDate", "2026-12-01", "meetingTime", "09:30",
                "meetingPlace", "Room 4", "contactName", "Ms Patel", "contactPhone", "0161 000"));
        assertThat(sent.get(2).fields()).isEqualTo(java.util.Map.of("planSummary", "Walk to school with a friend",
                "reviewDate", "2027-01-15", "contactName", "Mr Jones", "contactPhone", "0161 111"));
        assertThat(sent).extracting(LetterRequested::stepKey).doesNotHaveDuplicates()
                .allSatisfy(k -> assertThat(k).startsWith(c.caseId() + ":"));
        assertThat(sent).allSatisfy(r -> assertThat(r.upn()).isEqualTo(c.upn()));
        assertThat(c.instance()).hasPassed("send-letter", "send-invitation", "send-plan-copy");
    }

    @Test
    void aPupilWithSendGetsReasonableAdjustmentsAndAnImprovedReviewKeepsMonitoring() {
        TestCase c = cases.openCase(null, Set.of(Cohort.EHCP));
        cases.send(c, "BelowAttendanceThreshold");
        cases.complete(c, "review-letter", "letterDecision", "DO_NOT_SEND");
        assertThat(cases.timeline(c)).noneSatisfy(e -> assertThat(e.kind()).isEqualTo(CaseEventKind.LETTER));

        cases.complete(c, "arrange-meeting");
        cases.complete(c, "meeting");
        cases.complete(c, "adjustments", "adjustments", java.util.List.of("HEALTHCARE_PLAN"));
        cases.complete(c, "support-plan");
        cases.passTimeToReviewDate(c);
        cases.complete(c, "review-plan", "reviewOutcome", "IMPROVED", "otherAgenciesNeeded", false);

        assertThat(c.instance()).hasPassed("keep-monitoring", "support-worked");
        assertThat(cases.stage(c)).isEqualTo(Stage.MONITORING);
    }

    @Test
    void theSchoolMayAskForNoNoticeAndTheLaMayRefuse() {
        TestCase c = cases.openCase();
        cases.send(c, "PenaltyThresholdMet");
        cases.complete(c, "consider-notice", "recommendation", "NO_ACTION");
        assertThat(c.instance()).hasPassed("no-notice-requested");

        cases.send(c, "PenaltyThresholdMet");
        cases.complete(c, "consider-notice", "recommendation", "NOTICE_TO_IMPROVE");
        cases.complete(c, "la-decision", "laDecision", "REFUSE");
        assertThat(c.instance()).hasPassed("notice-request-refused");
    }

    @Test
    void askingForAPenaltyNoticeGoesStraightToTheSchoolsRequestAtThatStage() {
        TestCase c = cases.openCase();
        cases.send(c, "PenaltyThresholdMet");
        cases.complete(c, "consider-notice", "recommendation", "PENALTY_NOTICE");
        assertThat(cases.open(c, "la-decision")).isEmpty();
        assertThat(cases.one(c, "request-notice")).hasCandidateGroup("school-" + c.schoolUrn() + "-attendance");
        assertThat(cases.stage(c)).isEqualTo(Stage.PENALTY_NOTICE_REQUEST);
    }

    @Test
    void severeAbsenceMakesTheCaseTopPriorityWithAJointApproachTaskForTheLa() {
        TestCase c = cases.openCase();
        cases.send(c, "SevereAbsence");

        assertThat(cases.one(c, "joint-approach")).hasCandidateGroup("la-" + c.laCode() + "-attendance");
        assertThat(cases.recordOf(c).priority()).isEqualTo(Priority.TOP);
        cases.complete(c, "joint-approach");
        assertThat(c.instance()).hasPassed("joint-approach-agreed");
    }

    @Test
    void illnessReachingTheDayCountGivesTheLaASicknessReturnTask() {
        TestCase c = cases.openCase();
        cases.send(c, "IllnessDaysReached");
        assertThat(cases.one(c, "sickness-return")).hasCandidateGroup("la-" + c.laCode() + "-attendance");
        cases.complete(c, "sickness-return", "provision", "HOME_TUITION");
        assertThat(c.instance()).hasPassed("sickness-return-made");
    }

    @Test
    void recoveredAttendanceIsMonitoredAndTheCaseClosesWithItsReasonEndingOpenTasks() {
        // From a Monday, 30 school days (the policy; every weekday is a school day ahead) end 6 weeks later.
        var monday = Fixtures.today().with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        ClockUtil.setCurrentTime(java.util.Date.from(monday.atTime(10, 0).atZone(London.ZONE).toInstant()));
        TestCase c = cases.openCase();
        cases.send(c, "IllnessDaysReached");
        cases.send(c, "AttendanceRecovered");
        assertThat(cases.stage(c)).isEqualTo(Stage.MONITORING);
        assertThat(c.instance()).isWaitingAt("monitoring");

        cases.passTime(c, Duration.ofDays(41));
        assertThat(c.instance()).isActive();
        cases.passTime(c, Duration.ofDays(2));

        assertThat(c.instance()).isEnded().hasPassed("close-case", "case-closed");
        var record = cases.recordOf(c);
        assertThat(record.status()).isEqualTo("CLOSED");
        assertThat(record.stage()).isEqualTo(Stage.CLOSED);
        assertThat(record.closedReason()).contains("monitoring period");
    }

    @Test
    void attendanceFallingAgainDuringMonitoringRestartsTheLadderAndTheWait() {
        TestCase c = cases.openCase();
        cases.send(c, "AttendanceRecovered");
        cases.send(c, "BelowAttendanceThreshold");

        assertThat(c.instance()).isWaitingAt("recovered");
        assertThat(cases.open(c, "review-letter")).hasSize(1);
        assertThat(cases.passTime(c, Duration.ofDays(60))).isEqualTo(1); // only the overdue letter review
        assertThat(c.instance()).isActive();
    }
}
