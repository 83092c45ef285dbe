package org.openattendance.legal;

import java.time.LocalDate;

/** A line of evidence gathered from the case: a letter sent, a meeting, support offered, the Notice to Improve. */
public record EvidenceItem(EvidenceKind kind, LocalDate on, String text) {
}
