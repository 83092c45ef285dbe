package org.openattendance.school;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A school recorded a pupil's deletion from roll through the one deletion path: the ground was checked. The returns
 * module makes the deletion return from it (unless the ground needs none), the LA's register of children missing
 * education takes the deletions whose child may be missing.
 *
 * @param deletionDate the last day on roll
 */
public record PupilDeletedFromRoll(long pupilId, String upn, String schoolUrn, String laCode, LocalDate deletionDate,
                                   DeletionGround ground, String destinationSchool, String newAddress,
                                   LocalDate parentNoticeDate, String recordedBy, Instant recordedAt) {
}
