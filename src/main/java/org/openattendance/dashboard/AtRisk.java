package org.openattendance.dashboard;

import java.math.BigDecimal;

/**
 * Who the termly targeting meeting counts as at risk: not persistently absent this year, and either attendance below
 * 92 % for the year, or below 92 % over the last four school weeks and lower than for the year (falling towards
 * the 90 % line of persistent absence). Pure.
 */
final class AtRisk {

    static final BigDecimal BELOW = new BigDecimal("92.0");

    private AtRisk() {
    }

    static boolean of(Sessions year, Sessions lastFourWeeks) {
        BigDecimal overall = Figures.percent(year.attended(), year.possible());
        BigDecimal recent = Figures.percent(lastFourWeeks.attended(), lastFourWeeks.possible());
        if (overall == null || year.band().isPersistentAbsence()) {
            return false;
        }
        boolean lowForTheYear = overall.compareTo(BELOW) < 0;
        boolean falling = recent != null && recent.compareTo(BELOW) < 0 && recent.compareTo(overall) < 0;
        return lowForTheYear || falling;
    }
}
