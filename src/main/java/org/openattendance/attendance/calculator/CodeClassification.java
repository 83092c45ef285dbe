package org.openattendance.attendance.calculator;

import java.util.Objects;

/** One row of the attendance code table (data, loaded elsewhere from attendance-codes.csv). */
public record CodeClassification(
        String code,
        CodeCategory category,
        boolean countsAsPossible,
        boolean countsAsAttended,
        boolean countsTowardPenaltyThreshold) {

    public CodeClassification {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("An attendance code must not be blank");
        }
        Objects.requireNonNull(category, () -> "category of code " + code);
        if (countsAsPossible != category.expectsPossible() || countsAsAttended != category.expectsAttended()) {
            throw new IllegalArgumentException(String.format(
                    "Code %s: category %s needs counts_as_possible=%s and counts_as_attended=%s",
                    code, category, category.expectsPossible(), category.expectsAttended()));
        }
    }
}
