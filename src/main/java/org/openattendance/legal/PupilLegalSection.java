package org.openattendance.legal;

/**
 * What a pupil page shows of the legal stages: the records, where the pupil stands in one sentence (null when nothing
 * legal is open), and what the signed-in user may do from there.
 *
 * @param canRequest       the user is the school's staff and may open the request form
 * @param caseWaitsForRequest the pupil's case waits for the school's request now
 * @param canHaveEvidencePack the user may download the evidence pack (the school and the LA)
 */
public record PupilLegalSection(String upn, LegalRecords.PupilLegal records, String standing, boolean canRequest,
                                boolean caseWaitsForRequest, boolean canHaveEvidencePack) {
}
