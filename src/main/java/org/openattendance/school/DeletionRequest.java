package org.openattendance.school;

import java.time.LocalDate;

/**
 * A deletion from roll as a school asks for it, whichever way it comes (the pupils API, the deletion page or API, a
 * leaver's Common Transfer File, the end of the final year).
 *
 * @param date              the last day on roll; never in the past
 * @param ground            the ground, as {@link DeletionGround#parse} reads it
 * @param destinationSchool the new school (name or URN) where known
 * @param newAddress        the pupil's new address where known
 * @param parentNoticeDate  the date of the parent's written notice of home education (needed on that ground)
 */
public record DeletionRequest(LocalDate date, String ground, String destinationSchool, String newAddress,
                              LocalDate parentNoticeDate) {

    public static DeletionRequest of(LocalDate date, String ground) {
        return new DeletionRequest(date, ground, null, null, null);
    }
}
