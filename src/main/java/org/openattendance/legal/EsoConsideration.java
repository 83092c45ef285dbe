package org.openattendance.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Before prosecuting, the LA must consider applying for an education supervision order (Education Act 1996
 * s.447): whether it applies for one, why or why not, and the officer who decided.
 */
public record EsoConsideration(UUID id, UUID caseId, long pupilId, String upn, String laCode, LocalDate consideredOn,
                               Decision decision, String reasons, String officer, Instant createdAt) {

    public enum Decision {
        APPLY, NOT_APPLY
    }
}
