package org.openattendance.legal;

import java.time.Instant;

/** An LA officer withdrew a penalty notice: on which ground, why, who and when. */
public record Withdrawal(WithdrawalGround ground, String reason, String officer, Instant at) {
}
