package org.openattendance.legal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the LA's officers do to a penalty notice from a page or the API, told to the notice's process in the same
 * transaction: a payment in full within the payment period ends it (message {@value #PAID}); any payment after the
 * period stops the prosecution path at once (message {@value #LATE_PAYMENT}: the decision task or the prosecution
 * is cancelled); a withdrawal ends it with a letter to the parent (message {@value #WITHDRAWN}). The caller has
 * checked that the user is one of the LA's attendance officers.
 */
@Component
public class NoticeActions {

    static final String PAID = "PenaltyNoticePaid";
    static final String LATE_PAYMENT = "LatePaymentRecorded";
    static final String WITHDRAWN = "PenaltyNoticeWithdrawn";

    private final PenaltyNotices notices;
    private final LegalEngine engine;

    NoticeActions(PenaltyNotices notices, LegalEngine engine) {
        this.notices = notices;
        this.engine = engine;
    }

    @Transactional
    public PenaltyNotice.PaymentResult recordPayment(String number, BigDecimal amount, LocalDate paidOn, String reference,
                                                     String by) {
        var result = notices.recordPayment(number, amount, paidOn, reference, by);
        PenaltyNotice notice = notices.findByNumber(number).orElseThrow();
        if (result.before() == PenaltyNoticeStatus.UNPAID || result.before() == PenaltyNoticeStatus.PROSECUTED) {
            engine.correlate(notice.processInstanceId(), LATE_PAYMENT, Map.of());
        } else if (result.paidInFull()) {
            engine.correlate(notice.processInstanceId(), PAID, Map.of());
        }
        return result;
    }

    @Transactional
    public PenaltyNotice withdraw(String number, WithdrawalGround ground, String reason, String by) {
        PenaltyNotice notice = notices.withdraw(number, ground, reason, by);
        engine.correlate(notice.processInstanceId(), WITHDRAWN, Map.of());
        return notice;
    }
}
