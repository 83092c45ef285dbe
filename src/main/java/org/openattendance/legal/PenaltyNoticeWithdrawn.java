package org.openattendance.legal;

import java.util.UUID;

/** An LA officer withdrew a penalty notice; the parent is told by letter. */
public record PenaltyNoticeWithdrawn(UUID noticeId, String number, UUID caseId, String upn, String laCode,
                                     WithdrawalGround ground, String officer) {
}
