package org.openattendance.legal;

import java.time.LocalDate;
import java.util.UUID;

/** A penalty notice was issued to a parent (published in the issuing transaction; for dashboards and others). */
public record PenaltyNoticeIssued(UUID noticeId, String number, UUID caseId, long pupilId, String upn,
                                  String schoolUrn, String laCode, int occasion, LocalDate issuedOn) {
}
