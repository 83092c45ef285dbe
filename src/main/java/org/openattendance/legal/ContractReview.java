package org.openattendance.legal;

import java.time.Instant;
import java.time.LocalDate;

/** A review date of an attendance contract, and when it was held, by whom, with what notes. */
public record ContractReview(LocalDate reviewOn, Instant heldAt, String notes, String heldBy) {
    public boolean held() {
        return heldAt != null;
    }
}
