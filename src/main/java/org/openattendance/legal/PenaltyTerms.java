package org.openattendance.legal;

import java.math.BigDecimal;

/**
 * What the penalty-notice policy (penalty-notice-policy.dmn) gives for one notice: which occasion it is for this
 * parent and child in three years, the reduced amount and its period (first notices only) and the full amount and
 * its period, in days from receipt.
 */
public record PenaltyTerms(int occasion, BigDecimal reducedAmount, Integer reducedWithinDays, BigDecimal fullAmount,
                           int fullWithinDays, int policyVersion) {

    public PenaltyTerms {
        if (occasion < 1 || occasion > 2) {
            throw new IllegalArgumentException("A penalty notice is the first or second occasion, not " + occasion);
        }
        if (fullAmount == null || fullAmount.signum() <= 0 || fullWithinDays <= 0) {
            throw new IllegalArgumentException("A penalty notice needs a full amount and a payment period");
        }
        if ((reducedAmount == null) != (reducedWithinDays == null)) {
            throw new IllegalArgumentException("A reduced amount needs its period, and the other way round");
        }
        if (reducedAmount != null && (reducedAmount.compareTo(fullAmount) >= 0 || reducedWithinDays >= fullWithinDays)) {
            throw new IllegalArgumentException("The reduced amount must be less than the full amount, and due sooner");
        }
        fullAmount = Money.of(fullAmount);
        reducedAmount = reducedAmount == null ? null : Money.of(reducedAmount);
    }

    public boolean hasReduction() {
        return reducedAmount != null;
    }
}
