package org.openattendance.legal;

import java.time.LocalDate;

/** The improvement period of a Notice to Improve: from the day after the notice to its end, in school weeks. */
public record ImprovementPeriod(LocalDate start, LocalDate end, int schoolWeeks) {

    public ImprovementPeriod {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("The improvement period ends before it starts");
        }
        if (schoolWeeks < 3 || schoolWeeks > 6) {
            throw new IllegalArgumentException("An improvement period is 3 to 6 school weeks, not " + schoolWeeks);
        }
    }
}
