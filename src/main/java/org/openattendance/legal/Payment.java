package org.openattendance.legal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A payment toward a penalty notice as the LA recorded it. */
public record Payment(BigDecimal amount, LocalDate paidOn, String reference, String recordedBy, Instant recordedAt) {
}
