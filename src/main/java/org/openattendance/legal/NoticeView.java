package org.openattendance.legal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A penalty notice as the API shows it: {@code number, parent, issued, received, amountDue, status, payments,
 * sessions}, with the terms, the service and any withdrawal.
 */
record NoticeView(String number, String upn, String schoolUrn, String parent, LocalDate issued, LocalDate served,
                  String serviceMethod, LocalDate received, int occasion, BigDecimal reducedAmount, LocalDate reducedBy,
                  BigDecimal fullAmount, LocalDate fullBy, BigDecimal amountDue, PenaltyNoticeStatus status,
                  LocalDate paidOn, List<PaymentView> payments, List<SessionView> sessions, WithdrawalView withdrawal) {

    record PaymentView(BigDecimal amount, LocalDate paidOn, String reference, String recordedBy) {
    }

    record SessionView(LocalDate date, String session, String code) {
    }

    record WithdrawalView(WithdrawalGround ground, String reason, String by, Instant at) {
    }

    static NoticeView of(PenaltyNotice n, LocalDate today) {
        var service = n.service();
        var withdrawal = n.withdrawal();
        return new NoticeView(n.number(), n.upn(), n.schoolUrn(), n.parent().name(), n.issuedOn(),
                service == null ? null : service.servedOn(), service == null ? null : service.method().name(),
                service == null ? null : service.receivedOn(), n.terms().occasion(), n.terms().reducedAmount(),
                n.reducedBy(), n.terms().fullAmount(), n.fullBy(), n.amountDue(today), n.status(), n.paidOn(),
                n.payments().stream().map(p -> new PaymentView(p.amount(), p.paidOn(), p.reference(), p.recordedBy())).toList(),
                n.sessions().stream().map(s -> new SessionView(s.date(), s.session().name(), s.code())).toList(),
                withdrawal == null ? null : new WithdrawalView(withdrawal.ground(), withdrawal.reason(),
                        withdrawal.officer(), withdrawal.at()));
    }
}
