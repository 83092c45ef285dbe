package org.openattendance.attendance;

import java.math.BigDecimal;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Local policy the calculations need (RULES.md marks these POLICY): the codes that count toward the
 * penalty-notice threshold, the attendance rate below which parents get a letter, the days of continuous
 * unexplained absence that make a possible child missing education, and the illness days that need a
 * sickness return.
 */
@ConfigurationProperties("openattendance.attendance")
public record AttendanceSettings(Set<String> penaltyThresholdCodes, BigDecimal letterBelowPercent,
                                 int continuousAbsenceDays, int illnessReturnDays) {

    public AttendanceSettings {
        penaltyThresholdCodes = penaltyThresholdCodes == null || penaltyThresholdCodes.isEmpty()
                ? Set.of("G", "N", "O", "U") : Set.copyOf(penaltyThresholdCodes);
        letterBelowPercent = letterBelowPercent == null ? new BigDecimal("95") : letterBelowPercent;
        continuousAbsenceDays = continuousAbsenceDays <= 0 ? 10 : continuousAbsenceDays;
        illnessReturnDays = illnessReturnDays <= 0 ? 15 : illnessReturnDays;
    }
}
