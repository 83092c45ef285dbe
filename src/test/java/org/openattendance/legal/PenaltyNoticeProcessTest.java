package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.openattendance.legal.LegalFixtures.sam;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseStore;
import org.openattendance.casework.Stage;
import org.openattendance.support.EngineAtNow;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * The penalty notice's process on the real engine, its timers executed as the engine's clock moves: the amount due
 * by the day paid (day 21 or 22 after receipt), part payments, the end of the payment period, and a payment that
 * stops the prosecution path at once, wherever it is.
 */
@IntegrationTest
@ExtendWith(EngineAtNow.class)
class PenaltyNoticeProcessTest {

    static final LocalTime TEN = LocalTime.of(10, 0);

    @Autowired
    LegalProcessSupport process;
    @Autowired
    LegalFixtures families;
    @Autowired
    HolidayPenalties holidays;
    @Autowired
    PenaltyNotices notices;
    @Autowired
    NoticeActions actions;
    @Autowired
    Prosecutions prosecutions;
    @Autowired
    CaseStore cases;
    @Autowired
    JdbcTemplate jdbc;

    LegalFixtures.Child child;
    PenaltyNotice notice;
    ProcessInstance instance;
    LocalDate received;

    @BeforeEach
    void issueAndServeANotice() {
        LegalProcessSupport.today(Fixtures.today(), TEN);
        child = families.family(1).child();
        notice = holidays.notice(holidays.approved(child, 3, null, sam()), 0);
        instance = process.start("penalty-notice", child, "noticeId", notice.id().toString());
        process.complete(instance, "record-service", "serviceMethod", "FIRST_CLASS_POST", "servedOn", Fixtures.today().toString());
        received = WorkingDays.after(Fixtures.today(), 2);
    }

    PenaltyNotice reload() {
        return notices.find(notice.id()).orElseThrow();
    }

    PenaltyNotice.PaymentResult pay(String amount, LocalDate on, String reference) {
        return actions.recordPayment(notice.number(), new BigDecimal(amount), on, reference, "la.test");
    }

    @Test
    void theNoticeIsSentToItsParentAndItsServiceStartsTheTwoTimers() {
        assertThat(reload().service().receivedOn()).isEqualTo(received);
        assertThat(process.timers(instance)).extracting(j -> j.getDuedate())
                .contains(LegalProcessSupport.at(received.plusDays(22), LocalTime.of(7, 0)));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from letter where step_key = ?", Integer.class, "penalty-notice-" + notice.number()) == 1);
        assertThat(jdbc.queryForList("select r.parent_name from letter_recipient r join letter l on l.id = r.letter_id "
                + "where l.step_key = ?", String.class, "penalty-notice-" + notice.number())).containsExactly("Sam Parent");
        assertThat(jdbc.queryForObject("select subject from letter where step_key = ?", String.class,
                "penalty-notice-" + notice.number())).contains(notice.number());
    }

    @Test
    void eightyPaidOnTheTwentyFirstDayPaysTheNoticeAndEndsItsProcess() {
        process.passTo(instance, received.plusDays(21), TEN);

        var result = pay("80", received.plusDays(21), "BANK-21");

        assertThat(result.paidInFull()).isTrue();
        assertThat(reload().status()).isEqualTo(PenaltyNoticeStatus.PAID);
        assertThat(instance).isEnded().hasPassed("pn-end-paid");
    }

    @Test
    void onTheTwentySecondDayEightyLeavesEightyDueAndTheProcessWaits() {
        process.passTo(instance, received.plusDays(22), TEN);

        var result = pay("80", received.plusDays(22), "BANK-22");

        assertThat(result.paidInFull()).isFalse();
        assertThat(result.amountDue()).isEqualByComparingTo("80");
        assertThat(reload().status()).isEqualTo(PenaltyNoticeStatus.ISSUED);
        assertThat(instance).isWaitingAt("pp-28-days");
        assertThat(cases.timeline(child.caseId())).anySatisfy(e ->
                assertThat(e.name()).isEqualTo("Notice " + notice.number() + ": the reduced amount may no longer be paid"));
        process.passTo(instance, received.plusDays(23), TEN);
        pay("80", received.plusDays(23), "BANK-23");
        assertThat(instance).isEnded().hasPassed("pn-end-paid");
    }

    @Test
    void aPartPaymentInThePeriodLeavesTheRestDue() {
        process.passTo(instance, received.plusDays(2), TEN);
        var result = pay("50", received.plusDays(2), "PART-1");

        assertThat(result.paidInFull()).isFalse();
        assertThat(result.amountDue()).isEqualByComparingTo("30");
        assertThat(instance).isWaitingAt("pp-21-days");
        assertThat(reload().payments()).extracting(Payment::reference).containsExactly("PART-1");
    }

    @Test
    void notPaidByDayTwentyEightGivesTheLaTheDecisionToProsecuteOrWithdraw() {
        process.passTo(instance, received.plusDays(28), TEN);
        assertThat(process.open(instance, "unpaid-decision")).isEmpty();

        process.passTo(instance, received.plusDays(29), TEN);

        assertThat(reload().status()).isEqualTo(PenaltyNoticeStatus.UNPAID);
        assertThat(process.one(instance, "unpaid-decision")).hasCandidateGroup("la-" + notice.laCode() + "-attendance");
        assertThat(cases.find(child.caseId()).orElseThrow().stage()).isEqualTo(Stage.LEGAL_ROUTE_DECISION);
    }

    @Test
    void aPaymentAfterTheProsecutionTaskWasCreatedCancelsItWithANoteOnTheCase() {
        process.passTo(instance, received.plusDays(29), TEN);
        assertThat(process.open(instance, "unpaid-decision")).hasSize(1);

        pay("160", received.plusDays(29), "LATE-1");

        assertThat(process.open(instance, "unpaid-decision")).isEmpty();
        assertThat(reload().status()).isEqualTo(PenaltyNoticeStatus.PAID);
        assertThat(instance).isEnded().hasPassed("stop-prosecution", "pn-end-paid-late");
        assertThat(cases.timeline(child.caseId())).anySatisfy(e -> assertThat(e.name())
                .isEqualTo("Prosecution path stopped: a payment was recorded on notice " + notice.number()));
    }

    @Test
    void aPaymentDuringTheProsecutionCancelsItAndACourtDateAlreadySetIsFlaggedForWithdrawal() {
        process.passTo(instance, received.plusDays(29), TEN);
        process.complete(instance, "unpaid-decision", "unpaidDecision", "PROSECUTE");
        process.complete(instance, "consider-eso", "esoDecision", "NOT_APPLY", "esoReasons",
                "The family has not engaged with support; an order would add nothing");
        process.complete(instance, "lay-information", "offence", "S444_1", "courtRoute", "HEARING",
                "court", "Northtown Magistrates' Court", "laidOn", received.plusDays(29).toString());
        process.complete(instance, "court-progress", "courtProgress", "HEARING_SET",
                "courtDate", received.plusDays(60).toString());
        assertThat(reload().status()).isEqualTo(PenaltyNoticeStatus.PROSECUTED);
        assertThat(process.open(instance, "court-progress")).hasSize(1);

        pay("160", received.plusDays(29), "LATE-2");

        assertThat(process.open(instance, "court-progress")).isEmpty();
        assertThat(process.family(instance.getId())).hasSize(1);
        var prosecution = prosecutions.ofPupil(child.pupilId()).get(0);
        assertThat(prosecution.paidWithdrawCase()).isTrue();
        assertThat(process.one(instance, "withdraw-at-court")).hasCandidateGroup("la-" + notice.laCode() + "-attendance");
        assertThat(cases.timeline(child.caseId())).anySatisfy(e -> assertThat(e.name())
                .isEqualTo("Paid: withdraw the case at court (notice " + notice.number() + ")"));

        process.complete(instance, "withdraw-at-court", "withdrawnOn", received.plusDays(29).toString());

        assertThat(prosecutions.find(prosecution.id()).orElseThrow().outcome().outcome()).isEqualTo(CourtOutcome.WITHDRAWN);
        assertThat(instance).isEnded().hasPassed("pn-end-paid-late");
    }

    @Test
    void aPartPaymentAfterThePeriodStopsTheProsecutionAndTheLaDecidesAgain() {
        process.passTo(instance, received.plusDays(29), TEN);
        process.complete(instance, "unpaid-decision", "unpaidDecision", "PROSECUTE");
        assertThat(process.open(instance, "consider-eso")).hasSize(1);

        pay("60", received.plusDays(29), "PART-LATE");

        assertThat(process.open(instance, "consider-eso")).isEmpty();
        assertThat(reload().status()).isEqualTo(PenaltyNoticeStatus.UNPAID);
        assertThat(prosecutions.ofPupil(child.pupilId()).get(0).status()).isEqualTo(ProsecutionStatus.STOPPED);
        process.complete(instance, "part-payment", "partPaymentDecision", "DECIDE_AGAIN");
        assertThat(process.open(instance, "unpaid-decision")).hasSize(1);
        process.complete(instance, "unpaid-decision", "unpaidDecision", "WITHDRAW", "withdrawalGround", "MATERIAL_ERROR",
                "withdrawalReason", "The notice gave the wrong dates of absence");

        assertThat(reload().status()).isEqualTo(PenaltyNoticeStatus.WITHDRAWN);
        assertThat(instance).isEnded().hasPassed("send-withdrawal", "pn-end-withdrawn");
    }

    @Test
    void aWithdrawalDuringThePaymentPeriodEndsTheProcessWithALetterToTheParent() {
        actions.withdraw(notice.number(), WithdrawalGround.WRONG_PERSON_OR_ADDRESS, "Sam Parent moved out in August", "la.test");

        assertThat(instance).isEnded().hasPassed("send-withdrawal");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from letter where step_key = ?", Integer.class, "penalty-notice-withdrawn-" + notice.number()) == 1);
        assertThat(jdbc.queryForObject("select html from letter where step_key = ?", String.class,
                "penalty-notice-withdrawn-" + notice.number())).contains("Issued to the wrong person or address")
                .contains("Sam Parent moved out in August");
    }

    @Test
    void withdrawingWithoutAGroundIsRefusedAndTheTaskStaysOpen() {
        process.passTo(instance, received.plusDays(29), TEN);
        assertThatThrownBy(() -> process.complete(instance, "unpaid-decision", "unpaidDecision", "WITHDRAW"))
                .satisfies(e -> assertThat(LegalProcessSupport.problems(e)).containsExactly("withdrawalGround"));
        assertThat(process.open(instance, "unpaid-decision")).hasSize(1);
        assertThat(reload().status()).isEqualTo(PenaltyNoticeStatus.UNPAID);
    }
}
