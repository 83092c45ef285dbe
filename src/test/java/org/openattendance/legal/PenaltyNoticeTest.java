package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.Session;

/** The amount due on the day a payment is made, part payments, the end of the payment period and withdrawal. */
class PenaltyNoticeTest {

    static final LocalDate ISSUED = LocalDate.of(2027, 1, 11);
    static final LocalDate RECEIVED = LocalDate.of(2027, 1, 13);
    static final PenaltyTerms FIRST = new PenaltyTerms(1, new BigDecimal("80"), 21, new BigDecimal("160"), 28, 1);
    static final PenaltyTerms SECOND = new PenaltyTerms(2, null, null, new BigDecimal("160"), 28, 1);

    static PenaltyNotice notice(PenaltyTerms terms) {
        var notice = PenaltyNotice.issue("PN-881-2027-00001", UUID.randomUUID(), null, 1L, "B801200005001", "100001",
                "881", new NoticeParent("Sam Parent", "1 High Street", LocalDate.of(1985, 5, 1), null), terms, ISSUED,
                "la.officer", List.of(new NoticeSession(LocalDate.of(2026, 12, 1), Session.AM, "U")), Instant.now());
        notice.served(new NoticeService(ServiceMethod.FIRST_CLASS_POST, ISSUED, RECEIVED, 1, "la.officer"));
        return notice;
    }

    static Payment payment(String amount, LocalDate on, String reference) {
        return new Payment(new BigDecimal(amount), on, reference, "la.officer", Instant.now());
    }

    @Test
    void eightyPaidOnTheTwentyFirstDayAfterReceiptPaysAFirstNoticeInFull() {
        var notice = notice(FIRST);
        LocalDate day21 = RECEIVED.plusDays(21);

        var result = notice.recordPayment(payment("80", day21, "REF-1"), day21);

        assertThat(notice.reducedBy()).isEqualTo(LocalDate.of(2027, 2, 3));
        assertThat(result.paidInFull()).isTrue();
        assertThat(notice.status()).isEqualTo(PenaltyNoticeStatus.PAID);
        assertThat(notice.paidOn()).isEqualTo(day21);
        assertThat(notice.amountDue(day21)).isEqualByComparingTo("0");
    }

    @Test
    void onTheTwentySecondDayEightyIsOnlyPartOfTheOneHundredAndSixtyDue() {
        var notice = notice(FIRST);
        LocalDate day22 = RECEIVED.plusDays(22);
        assertThat(notice.amountOn(day22)).isEqualByComparingTo("160");

        var result = notice.recordPayment(payment("80", day22, "REF-1"), day22);

        assertThat(result.paidInFull()).isFalse();
        assertThat(notice.status()).isEqualTo(PenaltyNoticeStatus.ISSUED);
        assertThat(result.amountDue()).isEqualByComparingTo("80");
        notice.recordPayment(payment("80", day22.plusDays(2), "REF-2"), day22.plusDays(2));
        assertThat(notice.status()).isEqualTo(PenaltyNoticeStatus.PAID);
        assertThat(notice.paidOn()).isEqualTo(day22.plusDays(2));
    }

    @Test
    void aPartPaymentLeavesTheRestDueAndTheDueAmountRisesAfterTheReducedPeriod() {
        var notice = notice(FIRST);
        LocalDate day5 = RECEIVED.plusDays(5);

        var result = notice.recordPayment(payment("50.00", day5, "REF-1"), day5);

        assertThat(result.paidInFull()).isFalse();
        assertThat(result.amountDue()).isEqualByComparingTo("30");
        assertThat(notice.amountDue(RECEIVED.plusDays(21))).isEqualByComparingTo("30");
        assertThat(notice.amountDue(RECEIVED.plusDays(22))).isEqualByComparingTo("110");
        assertThat(notice.totalPaid()).isEqualByComparingTo("50");
    }

    @Test
    void twoPaymentsOnTheSameDayTogetherPayTheNotice() {
        var notice = notice(FIRST);
        LocalDate day3 = RECEIVED.plusDays(3);
        notice.recordPayment(payment("40", day3, "A"), day3);
        notice.recordPayment(payment("40", day3, "B"), day3);
        assertThat(notice.status()).isEqualTo(PenaltyNoticeStatus.PAID);
    }

    @Test
    void aSecondNoticeHasNoReductionAndOneHundredAndSixtyIsDueFromTheStart() {
        var notice = notice(SECOND);
        assertThat(notice.reducedBy()).isNull();
        assertThat(notice.amountOn(RECEIVED.plusDays(1))).isEqualByComparingTo("160");
        var result = notice.recordPayment(payment("80", RECEIVED.plusDays(1), "R"), RECEIVED.plusDays(1));
        assertThat(result.paidInFull()).isFalse();
        assertThat(result.amountDue()).isEqualByComparingTo("80");
    }

    @Test
    void theNoticeIsUnpaidOnlyAfterTheTwentyEighthDay() {
        var notice = notice(FIRST);
        assertThat(notice.fullBy()).isEqualTo(RECEIVED.plusDays(28));
        assertThatThrownBy(() -> notice.paymentPeriodOver(RECEIVED.plusDays(28)))
                .isInstanceOf(LegalConflictException.class).hasMessageContaining("can still be paid until 2027-02-10");

        notice.paymentPeriodOver(RECEIVED.plusDays(29));

        assertThat(notice.status()).isEqualTo(PenaltyNoticeStatus.UNPAID);
        assertThat(notice.amountDue(RECEIVED.plusDays(29))).isEqualByComparingTo("160");
    }

    @Test
    void aFullPaymentAfterTheDeadlineOrAfterTheDecisionToProsecuteStillPaysTheNotice() {
        var notice = notice(FIRST);
        notice.paymentPeriodOver(RECEIVED.plusDays(29));
        notice.prosecuted();
        LocalDate day35 = RECEIVED.plusDays(35);

        var result = notice.recordPayment(payment("160", day35, "LATE"), day35);

        assertThat(result.before()).isEqualTo(PenaltyNoticeStatus.PROSECUTED);
        assertThat(result.paidInFull()).isTrue();
        assertThat(notice.status()).isEqualTo(PenaltyNoticeStatus.PAID);
    }

    @Test
    void aPaymentIsCheckedBeforeItIsRecorded() {
        var notice = notice(FIRST);
        LocalDate today = RECEIVED.plusDays(3);
        assertThatThrownBy(() -> notice.recordPayment(new Payment(new BigDecimal("-5"), today.plusDays(1), " ", "x",
                Instant.now()), today)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(InvalidInputException.Problem::where)
                        .containsExactly("amount", "paidOn", "reference"));
        assertThatThrownBy(() -> notice.recordPayment(payment("10.005", today, "R"), today))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be recorded");
        notice.recordPayment(payment("10", today, "R"), today);
        assertThatThrownBy(() -> notice.recordPayment(payment("10", today, "r"), today))
                .isInstanceOf(LegalConflictException.class).hasMessageContaining("reference r is already recorded");
        assertThat(notice.payments()).hasSize(1);
    }

    @Test
    void aWithdrawnNoticeTakesNoPaymentAndAPaidOneCannotBeWithdrawn() {
        var withdrawn = notice(FIRST);
        withdrawn.withdraw(new Withdrawal(WithdrawalGround.WRONG_PERSON_OR_ADDRESS, "Moved out in 2026", "la.officer", Instant.now()));
        assertThat(withdrawn.status()).isEqualTo(PenaltyNoticeStatus.WITHDRAWN);
        assertThat(withdrawn.status().counts()).isFalse();
        assertThatThrownBy(() -> withdrawn.recordPayment(payment("80", RECEIVED, "R"), RECEIVED))
                .isInstanceOf(LegalConflictException.class).hasMessageContaining("withdrawn");

        var paid = notice(FIRST);
        paid.recordPayment(payment("80", RECEIVED, "R"), RECEIVED);
        assertThatThrownBy(() -> paid.withdraw(new Withdrawal(WithdrawalGround.MATERIAL_ERROR, "typo", "x", Instant.now())))
                .isInstanceOf(LegalConflictException.class).hasMessageContaining("paid in full");
    }

    @Test
    void aWithdrawalNeedsAGroundAndAReason() {
        var notice = notice(FIRST);
        assertThatThrownBy(() -> notice.withdraw(new Withdrawal(null, "  ", "x", Instant.now())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::where).containsExactly("ground", "reason"));
        assertThat(notice.status()).isEqualTo(PenaltyNoticeStatus.ISSUED);
    }

    @Test
    void aNoticeIsServedOnceAndNotBeforeItWasIssued() {
        var notice = PenaltyNotice.issue("PN-1", UUID.randomUUID(), null, 1L, "U", "1", "881",
                new NoticeParent("A", "B", LocalDate.of(1980, 1, 1), null), FIRST, ISSUED, "x",
                List.of(new NoticeSession(ISSUED, Session.AM, "G")), Instant.now());
        assertThatThrownBy(() -> notice.served(new NoticeService(ServiceMethod.BY_HAND, ISSUED.minusDays(1),
                ISSUED.minusDays(1), 1, "x"))).isInstanceOf(InvalidInputException.class);
        notice.served(new NoticeService(ServiceMethod.BY_HAND, ISSUED, ISSUED, 1, "x"));
        assertThatThrownBy(() -> notice.served(new NoticeService(ServiceMethod.BY_HAND, ISSUED, ISSUED, 1, "x")))
                .isInstanceOf(LegalConflictException.class);
    }
}
