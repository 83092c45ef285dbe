package org.openattendance.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group's figures over a period with the rates the DfE publishes, each rounded to one decimal place on its own
 * (half up); a rate is null when there is nothing to divide by.
 */
record Figures(Tally tally, Map<String, Integer> sessionsByCode) {

    static final Figures NONE = new Figures(Tally.NONE, Map.of());

    Figures {
        sessionsByCode = new TreeMap<>(sessionsByCode);
    }

    public int pupils() {
        return tally.pupils();
    }

    public Sessions sessions() {
        return tally.sessions();
    }

    /** Attended over possible sessions. */
    public BigDecimal attendancePercent() {
        return percent(sessions().attended(), sessions().possible());
    }

    /** Authorised and unauthorised absence over possible sessions. */
    public BigDecimal overallAbsencePercent() {
        return percent(sessions().absent(), sessions().possible());
    }

    public BigDecimal authorisedAbsencePercent() {
        return percent(sessions().authorised(), sessions().possible());
    }

    public BigDecimal unauthorisedAbsencePercent() {
        return percent(sessions().unauthorised(), sessions().possible());
    }

    /** Persistently absent pupils over pupils with a possible session. */
    public BigDecimal persistentAbsencePercent() {
        return percent(tally.persistent(), tally.pupils());
    }

    public BigDecimal severeAbsencePercent() {
        return percent(tally.severe(), tally.pupils());
    }

    static BigDecimal percent(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
