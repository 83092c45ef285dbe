package org.openattendance.legal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A penalty notice was paid in full. {@code statusBefore} says whether it was paid in time (ISSUED) or after the
 * payment period (UNPAID, PROSECUTED), when the prosecution path was stopped.
 */
public record PenaltyNoticePaid(UUID noticeId, String number, UUID caseId, String upn, String laCode, LocalDate paidOn,
                                BigDecimal totalPaid, PenaltyNoticeStatus statusBefore) {
}
