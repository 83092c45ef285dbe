package org.openattendance.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openattendance.IntegrationTest;
import org.openattendance.support.EngineAtNow;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.Session;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Every path through processes/leave-request.bpmn on the real engine, timers driven by hand. */
@IntegrationTest
@ExtendWith(EngineAtNow.class)
@RecordApplicationEvents
class LeaveRequestProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    FormService forms;
    @Autowired
    LeaveTestSupport leave;
    @Autowired
    LeaveRequests requests;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.openattendance.casework.CaseStore cases;

    @Test
    void theOfficeChecksThenTheScreenAdvisesThenTheHeadteacherGrantsAndTheRegisterShowsC() {
        var f = leave.family();
        LocalDate from = LeaveTestSupport.weekdaysAhead(5);
        LocalDate to = LeaveTestSupport.weekdaysAhead(6);
        var s = leave.start(f, from, to, LeaveReason.FUNERAL);

        var check = leave.one(s, "check-request");
        assertThat(check).hasCandidateGroup("school-" + f.urn() + "-attendance");
        assertThat(check.getDueDate()).isAfter(ClockUtil.getCurrentTime());
        assertThat(forms.getTaskFormData(check.getId()).getCamundaFormRef().getKey()).isEqualTo("leave-office-check");
        assertThat(leave.request(s).status()).isEqualTo(LeaveStatus.SUBMITTED);

        leave.complete(s, "check-request", "fromParentLivingWithPupil", "YES", "complete", "YES",
                "form", Map.of("checkNotes", "Order of service attached"), "completedBy", "officer.test");

        var checked = leave.request(s);
        assertThat(checked.status()).isEqualTo(LeaveStatus.CHECKED);
        assertThat(checked.checkNotes()).contains("lives with: yes", "Order of service attached");
        assertThat(checked.checkedBy()).isEqualTo("officer.test");
        assertThat(checked.screenAdvice()).isEqualTo("LIKELY_C");
        assertThat(checked.screenDecisionKey()).isEqualTo("leave-reason-screen");
        assertThat(checked.screenDecisionVersion()).isPositive();
        var decide = leave.one(s, "decide");
        assertThat(decide).hasCandidateGroup("school-" + f.urn() + "-headteacher");
        assertThat(forms.getTaskFormData(decide.getId()).getCamundaFormRef().getKey()).isEqualTo("leave-decision");

        leave.complete(s, "decide", "decision", "GRANT", "code", "C",
                "form", Map.of("decisionReasons", "A funeral of a grandparent abroad."));

        var granted = leave.request(s);
        assertThat(granted.status()).isEqualTo(LeaveStatus.GRANTED);
        assertThat(granted.decidedBy()).isEqualTo("head.test");
        assertThat(granted.grantedCode()).isEqualTo("C");
        assertThat(s.instance()).hasPassed("send-letter", "record-granted").isWaitingAt("week-after-leave");
        for (LocalDate day : List.of(from, to)) {
            assertThat(leave.code(f, day, "AM")).isEqualTo("C");
            assertThat(leave.code(f, day, "PM")).isEqualTo("C");
        }
        assertThat(jdbc.queryForList("select distinct source from session_mark where pupil_id = ?", String.class, f.pupilId()))
                .containsExactly("LEAVE_REQUEST");
        // One letter, to both parents with parental responsibility (not the grandmother), each by e-mail.
        leave.letterHtml(f);
        assertThat(jdbc.queryForList("select o.recipient from outbox_message o join letter l on l.id = o.letter_id "
                + "where l.pupil_id = ? and l.template_key = 'leave-decision'", String.class, f.pupilId()))
                .containsExactlyInAnyOrder(f.motherEmail(), f.fatherEmail());
        assertThat(leave.letterHtml(f))
                .contains("has <strong>agreed</strong>").contains(britishDate(from)).contains(f.forename());

        assertThat(leave.passTime(s, Duration.ofDays(30))).isEqualTo(1);
        assertThat(s.instance()).hasPassed("check-register", "in-school").isEnded();
    }

    @Test
    void aPartGrantRecordsOnlyTheGrantedDaysAsC1AndWatchesTheRefusedOnes() {
        var f = leave.family();
        LocalDate from = LeaveTestSupport.weekdaysAhead(5);
        LocalDate last = LeaveTestSupport.weekdaysAhead(7);
        var s = leave.start(f, from, last, LeaveReason.REGULATED_PERFORMANCE);
        leave.complete(s, "check-request", "fromParentLivingWithPupil", "YES", "complete", "YES");
        assertThat(leave.request(s).screenAdvice()).isEqualTo("LIKELY_C1");

        leave.complete(s, "decide", "decision", "GRANT_PART", "code", "C1", "grantedFrom", from.toString(),
                "grantedTo", from.toString(), "form", Map.of("decisionReasons", "The licence covers one day."));

        var r = leave.request(s);
        assertThat(r.status()).isEqualTo(LeaveStatus.PARTLY_GRANTED);
        assertThat(leave.code(f, from, "AM")).isEqualTo("C1");
        assertThat(leave.code(f, last, "AM")).isNull();
        assertThat(s.instance()).isWaitingAt("week-after-leave");
        assertThat(leave.letterHtml(f))
                .contains("part");
    }

    @Test
    void aPartGrantCanStartAndEndHalfWayThroughADay() {
        var f = leave.family();
        LocalDate from = LeaveTestSupport.weekdaysAhead(5);
        LocalDate last = LeaveTestSupport.weekdaysAhead(6);
        var s = leave.start(f, from, last, LeaveReason.FUNERAL);
        leave.complete(s, "check-request", "fromParentLivingWithPupil", "YES", "complete", "YES");

        leave.complete(s, "decide", "decision", "GRANT_PART", "code", "C", "grantedFrom", from.toString(),
                "grantedFromSession", "PM", "grantedTo", last.toString(), "grantedToSession", "AM",
                "form", Map.of("decisionReasons", "The afternoon of the funeral and the next morning."));

        var r = leave.request(s);
        assertThat(r.status()).isEqualTo(LeaveStatus.PARTLY_GRANTED);
        assertThat(r.grantedFromSession()).isEqualTo(Session.PM);
        assertThat(r.grantedToSession()).isEqualTo(Session.AM);
        assertThat(leave.code(f, from, "AM")).isNull();
        assertThat(leave.code(f, from, "PM")).isEqualTo("C");
        assertThat(leave.code(f, last, "AM")).isEqualTo("C");
        assertThat(leave.code(f, last, "PM")).isNull();
        assertThat(leave.letterHtml(f))
                .contains("(from the afternoon)").contains("(until the end of the morning)");
    }

    @Test
    void aPartGrantOutsideTheRequestedDaysIsRefusedWithAProblemAndCompletesNothing() {
        var f = leave.family();
        LocalDate from = LeaveTestSupport.weekdaysAhead(5);
        var s = leave.start(f, from, from, LeaveReason.WEDDING);
        leave.complete(s, "check-request", "fromParentLivingWithPupil", "YES", "complete", "YES");

        assertThatThrownBy(() -> leave.complete(s, "decide", "decision", "GRANT_PART", "grantedFrom",
                from.minusDays(7).toString(), "grantedTo", from.toString(), "form", Map.of("decisionReasons", "x")))
                .hasRootCauseInstanceOf(InvalidInputException.class);
        assertThat(leave.one(s, "decide")).isNotNull();
        assertThat(leave.request(s).status()).isEqualTo(LeaveStatus.CHECKED);
    }

    @Test
    void refusedLeaveTakenAnywayIsRecodedAsGOnceTheOfficerConfirms() {
        var f = leave.family();
        LocalDate from = Fixtures.weekdaysAgo(6);
        LocalDate to = Fixtures.weekdaysAgo(5);
        leave.marks(f, "N", from, to);
        var caseId = leave.openCase(f);
        var s = leave.start(f, from, to, LeaveReason.FAMILY_HOLIDAY);
        leave.complete(s, "check-request", "fromParentLivingWithPupil", "YES", "complete", "YES");
        assertThat(leave.request(s).screenAdvice()).isEqualTo("NOT_EXCEPTIONAL_UNLESS_HEAD_FINDS_OTHERWISE");

        leave.complete(s, "decide", "decision", "REFUSE", "form", Map.of("decisionReasons", "A holiday is not exceptional."));
        assertThat(leave.request(s).status()).isEqualTo(LeaveStatus.REFUSED);
        assertThat(s.instance()).hasPassed("send-letter").hasNotPassed("record-granted");
        assertThat(leave.letterHtml(f))
                .contains("not agreed");

        assertThat(leave.passTime(s, Duration.ofDays(10))).isEqualTo(1);
        var confirm = leave.one(s, "confirm-recode");
        assertThat(confirm).hasCandidateGroup("school-" + f.urn() + "-attendance");
        assertThat(engine.getRuntimeService().getVariable(s.id(), "absentSessions")).isEqualTo(4);

        leave.complete(s, "confirm-recode", "confirmRecode", "YES", "completedBy", "officer.test",
                "completedByRole", "ATTENDANCE_OFFICER", "form", Map.of("recodeNotes", "Mother confirmed the holiday."));

        assertThat(s.instance()).hasPassed("recode-as-g", "recorded-as-g").isEnded();
        var r = leave.request(s);
        assertThat(r.status()).isEqualTo(LeaveStatus.TAKEN_UNAUTHORISED);
        assertThat(r.recodedSessions()).isEqualTo(4);
        assertThat(leave.code(f, from, "AM")).isEqualTo("G");
        var amendments = jdbc.queryForList("select original_code, new_code, reason, amended_by, amended_role, source "
                + "from mark_amendment where pupil_id = ?", f.pupilId());
        assertThat(amendments).hasSize(4).allSatisfy(a -> {
            assertThat(a.get("original_code")).isEqualTo("N");
            assertThat(a.get("new_code")).isEqualTo("G");
            assertThat((String) a.get("reason")).contains(s.requestId().toString()).contains("Mother confirmed the holiday.");
            assertThat(a.get("amended_by")).isEqualTo("officer.test");
            assertThat(a.get("amended_role")).isEqualTo("ATTENDANCE_OFFICER");
            assertThat(a.get("source")).isEqualTo("LEAVE_REQUEST");
        });
        assertThat(events.stream(TermTimeHolidayConfirmed.class)).singleElement().satisfies(e -> {
            assertThat(e.upn()).isEqualTo(f.upn());
            assertThat(e.sessionsRecordedAsG()).isEqualTo(4);
            assertThat(e.firstDay()).isEqualTo(from);
            assertThat(e.lastDay()).isEqualTo(to);
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(cases.timeline(caseId)).anySatisfy(event -> {
                    assertThat(event.name()).isEqualTo("Term-time holiday taken after leave was refused");
                    assertThat(event.detail()).contains("4 sessions", "no Notice to Improve");
                    assertThat(event.actor()).isEqualTo("officer.test");
                }));
    }

    @Test
    void grantedLeaveOverstayedIsRecodedAsGForTheDaysAfterOnlyOnceTheOfficerConfirms() {
        var f = leave.family();
        LocalDate from = Fixtures.weekdaysAgo(12);
        LocalDate to = Fixtures.weekdaysAgo(11);
        LocalDate overstayed = Fixtures.weekdaysAgo(10);
        leave.marks(f, "N", from, to, overstayed);
        leave.marks(f, "/", Fixtures.weekdaysAgo(9));
        var s = leave.start(f, from, to, LeaveReason.FUNERAL);
        leave.complete(s, "check-request", "fromParentLivingWithPupil", "YES", "complete", "YES");
        leave.complete(s, "decide", "decision", "GRANT", "code", "C", "form", Map.of("decisionReasons", "Funeral."));
        assertThat(leave.code(f, from, "AM")).isEqualTo("C");

        leave.passTime(s, Duration.ofDays(10));
        assertThat(engine.getRuntimeService().getVariable(s.id(), "absentSessions")).isEqualTo(2);
        leave.complete(s, "confirm-recode", "confirmRecode", "YES", "form", Map.of("recodeNotes", "Came back a day late."));

        assertThat(leave.code(f, to, "PM")).isEqualTo("C");
        assertThat(leave.code(f, overstayed, "AM")).isEqualTo("G");
        assertThat(leave.code(f, overstayed, "PM")).isEqualTo("G");
        assertThat(leave.code(f, Fixtures.weekdaysAgo(9), "AM")).isEqualTo("/");
        assertThat(leave.request(s).status()).isEqualTo(LeaveStatus.TAKEN_UNAUTHORISED);
    }

    @Test
    void whenTheOfficerFindsAnotherReasonTheMarksStayAndTheRequestStaysRefused() {
        var f = leave.family();
        LocalDate day = Fixtures.weekdaysAgo(6);
        leave.marks(f, "I", day);
        var s = leave.start(f, day, day, LeaveReason.FAMILY_HOLIDAY);
        leave.complete(s, "check-request", "fromParentLivingWithPupil", "YES", "complete", "YES");
        leave.complete(s, "decide", "decision", "REFUSE", "form", Map.of("decisionReasons", "Not exceptional."));
        leave.passTime(s, Duration.ofDays(10));

        leave.complete(s, "confirm-recode", "confirmRecode", "NO", "form", Map.of("recodeNotes", "Doctor's note: ill."));

        assertThat(s.instance()).hasPassed("not-recoded").hasNotPassed("recode-as-g").isEnded();
        assertThat(leave.code(f, day, "AM")).isEqualTo("I");
        assertThat(leave.request(s).status()).isEqualTo(LeaveStatus.REFUSED);
    }

    @Test
    void aPupilInSchoolOnTheRefusedDaysNeedsNoFurtherTask() {
        var f = leave.family();
        LocalDate day = Fixtures.weekdaysAgo(6);
        leave.marks(f, "/", day);
        var s = leave.start(f, day, day, LeaveReason.FAMILY_HOLIDAY);
        leave.complete(s, "check-request", "fromParentLivingWithPupil", "YES", "complete", "YES");
        leave.complete(s, "decide", "decision", "REFUSE", "form", Map.of("decisionReasons", "Not exceptional."));
        leave.passTime(s, Duration.ofDays(10));

        assertThat(s.instance()).hasPassed("in-school").hasNotPassed("confirm-recode").isEnded();
    }

    @Test
    void theRegisterIsCheckedOnlyAWeekOfSchoolAfterTheLeave() {
        var f = leave.family();
        LocalDate from = LeaveTestSupport.weekdaysAhead(3);
        var s = leave.start(f, from, from, LeaveReason.FAMILY_HOLIDAY);
        leave.complete(s, "check-request", "fromParentLivingWithPupil", "YES", "complete", "YES");
        leave.complete(s, "decide", "decision", "REFUSE", "form", Map.of("decisionReasons", "Not exceptional."));

        assertThat(leave.passTime(s, Duration.ofDays(6))).isZero();
        assertThat(s.instance()).isWaitingAt("week-after-leave");
        assertThat(leave.passTime(s, Duration.ofDays(10))).isEqualTo(1);
        assertThat(s.instance()).hasPassed("check-register", "in-school").isEnded();
    }

    @Test
    void anOverdueDecisionIsEscalatedToTheSchoolsManagersAndStillAwaitsTheHeadteacher() {
        var f = leave.family();
        var s = leave.start(f, LeaveTestSupport.weekdaysAhead(15), LeaveTestSupport.weekdaysAhead(16), LeaveReason.OTHER);
        leave.complete(s, "check-request", "fromParentLivingWithPupil", "YES", "complete", "NO");

        // Due five school days after the request (LeaveDueDatesTest), so how far that is depends on the day it runs.
        var due = leave.one(s, "decide").getDueDate().toInstant();
        assertThat(leave.passTime(s, Duration.ofDays(2))).isZero();
        assertThat(leave.passTime(s, Duration.between(ClockUtil.getCurrentTime().toInstant(), due).minusMinutes(1))).isZero();
        assertThat(leave.passTime(s, Duration.ofMinutes(2))).isEqualTo(1);

        assertThat(leave.one(s, "chase-decision")).hasCandidateGroup("school-" + f.urn() + "-managers");
        assertThat(leave.one(s, "decide")).isNotNull();
        assertThat(leave.request(s).screenAdvice()).isEqualTo("HEADTEACHER_WEIGHS_IT");
    }

    @Test
    void aRequestWithdrawnBeforeTheDecisionEndsItsProcessButADecidedOneCannotBeWithdrawn() {
        var f = leave.family();
        var s = leave.start(f, LeaveTestSupport.weekdaysAhead(5), LeaveTestSupport.weekdaysAhead(5), LeaveReason.WEDDING);
        leave.complete(s, "check-request", "fromParentLivingWithPupil", "YES", "complete", "YES");
        String token = jdbcStatusLink(s);

        var withdrawn = requests.withdrawByParent(token);

        assertThat(withdrawn.status()).isEqualTo(LeaveStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnBy()).contains("parent");
        assertThat(s.instance()).hasPassed("withdrawn-end").isEnded();

        var decided = leave.start(f, LeaveTestSupport.weekdaysAhead(8), LeaveTestSupport.weekdaysAhead(8), LeaveReason.WEDDING);
        leave.complete(decided, "check-request", "fromParentLivingWithPupil", "YES", "complete", "YES");
        leave.complete(decided, "decide", "decision", "REFUSE", "form", Map.of("decisionReasons", "Not exceptional."));
        String late = jdbcStatusLink(decided);
        assertThatThrownBy(() -> requests.withdrawByParent(late)).isInstanceOf(LeaveRequests.NotWithdrawableException.class);
        assertThat(leave.request(decided).status()).isEqualTo(LeaveStatus.REFUSED);
    }

    @Autowired
    LeaveLinks links;

    private String jdbcStatusLink(LeaveTestSupport.Started s) {
        return links.create(s.requestId(), LeaveLinks.Purpose.STATUS, java.time.Instant.now().plus(Duration.ofDays(1)));
    }

    /** The first day of the leave as the letter writes it, e.g. "Tuesday 8 December 2026". */
    private static String britishDate(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK));
    }
}
