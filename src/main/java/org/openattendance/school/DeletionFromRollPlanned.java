package org.openattendance.school;

import java.time.LocalDate;

/**
 * A school recorded that a pupil will leave its roll (today or later). Published once for each new deletion date,
 * so that those who must be told (the pupil's social worker, the Virtual School Head of a looked-after pupil) are.
 *
 * @param deletionDate the last day on roll
 * @param ground       the ground for deletion the school gave
 */
public record DeletionFromRollPlanned(long pupilId, String upn, String schoolUrn, String laCode, LocalDate deletionDate,
                                      String ground, String socialWorker, boolean lookedAfter) {
}
