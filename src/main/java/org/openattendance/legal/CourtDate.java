package org.openattendance.legal;

import java.time.Instant;
import java.time.LocalDate;

/** A hearing date set by the court, or a hearing adjourned, as the LA officer recorded it. */
public record CourtDate(LocalDate hearingOn, Kind kind, String note, String recordedBy, Instant recordedAt) {

    public enum Kind {
        SET, ADJOURNED
    }
}
