package org.openattendance.legal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Pounds and pence: amounts are kept with two decimal places. */
final class Money {

    static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    static BigDecimal of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** "£80.00" as letters and pages print an amount. */
    static String print(BigDecimal amount) {
        return amount == null ? "" : "£" + of(amount).toPlainString();
    }
}
