package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.legal.LegalFixtures.jo;
import static org.openattendance.legal.LegalFixtures.sam;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** The LA's register as dashboards read it: notices by status, first and second occasions, money paid in. */
@IntegrationTest
class PenaltyNoticeRegisterTest {

    @Autowired
    LegalFixtures families;
    @Autowired
    HolidayPenalties holidays;
    @Autowired
    PenaltyNotices notices;
    @Autowired
    PenaltyNoticeRegister register;

    @Test
    void figuresCountTheNoticesOfTheLaByStatusAndOccasionAndTheMoneyPaid() {
        var family = families.family(1);
        var child = family.child();
        var first = holidays.approved(child, 6, null, sam(), jo());
        var second = holidays.approved(child, 3, null, sam());
        var samFirst = holidays.notice(first, 0);
        var joFirst = holidays.notice(first, 1);
        notices.recordPayment(samFirst.number(), new BigDecimal("80"), Fixtures.today(), "R1", "la");
        notices.recordPayment(joFirst.number(), new BigDecimal("30"), Fixtures.today(), "R2", "la");
        notices.withdraw(holidays.notice(second, 0).number(),
                WithdrawalGround.MATERIAL_ERROR, "Wrong dates", "la");

        var all = register.figures(new PenaltyNoticeRegister.Filter(family.school().laCode(), null, null, null, null));
        var otherSchool = register.figures(new PenaltyNoticeRegister.Filter(family.school().laCode(), null,
                Set.of("000000"), null, null));

        assertThat(all.issued()).isEqualTo(3);
        assertThat(all.count(PenaltyNoticeStatus.PAID)).isEqualTo(1);
        assertThat(all.count(PenaltyNoticeStatus.ISSUED)).isEqualTo(1);
        assertThat(all.count(PenaltyNoticeStatus.WITHDRAWN)).isEqualTo(1);
        assertThat(all.firstOccasions()).isEqualTo(2);
        assertThat(all.secondOccasions()).isEqualTo(1);
        assertThat(all.amountPaid()).isEqualByComparingTo("110");
        assertThat(otherSchool.issued()).isZero();
    }
}
