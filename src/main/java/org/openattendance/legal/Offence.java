package org.openattendance.legal;

import java.math.BigDecimal;

/**
 * The attendance offences of the Education Act 1996: s.444(1), strict liability, a fine up to level 3 (1,000
 * pounds); s.444(1A), the parent knew and failed to act, a fine up to level 4 (2,500 pounds) and/or up to three
 * months in prison. 1A needs an interview under caution first.
 */
public enum Offence {
    S444_1("section 444(1)", new BigDecimal("1000.00")),
    S444_1A("section 444(1A)", new BigDecimal("2500.00"));

    private final String label;
    private final BigDecimal maximumFine;

    Offence(String label, BigDecimal maximumFine) {
        this.label = label;
        this.maximumFine = maximumFine;
    }

    public String label() {
        return label;
    }

    public BigDecimal maximumFine() {
        return maximumFine;
    }
}
