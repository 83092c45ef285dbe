package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.legal.LegalFixtures.holiday;
import static org.openattendance.legal.LegalFixtures.jo;
import static org.openattendance.legal.LegalFixtures.sam;
import static org.openattendance.legal.LegalFixtures.weekOf;

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
    PenaltyRequests requests;
    @Autowired
    PenaltyNotices notices;
    @Autowired
    PenaltyNoticeRegister register;

    @Test
    void figuresCountTheNoticesOfTheLaByStatusAndOccasionAndTheMoneyPaid() {
        var family = families.family(1);
        var child = family.child();
        families.marks(child.pupilId(), "G", weekOf(6));
        families.marks(child.pupilId(), "G", weekOf(3));
        var first = requests.approve(requests.submit(child.caseId(), child.upn(), holiday(6, sam(), jo()), "o").id(), "la", null);
        var second = requests.approve(requests.submit(child.caseId(), child.upn(), holiday(3, sam()), "o").id(), "la", null);
        var samFirst = notices.find(first.parents().get(0).noticeId()).orElseThrow();
        var joFirst = notices.find(first.parents().get(1).noticeId()).orElseThrow();
        notices.recordPayment(samFirst.number(), new BigDecimal("80"), Fixtures.today(), "R1", "la");
        notices.recordPayment(joFirst.number(), new BigDecimal("30"), Fixtures.today(), "R2", "la");
        notices.withdraw(notices.find(second.parents().get(0).noticeId()).orElseThrow().number(),
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
