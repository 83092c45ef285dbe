package org.openattendance.school;

import java.time.LocalDate;

/**
 * A pupil entered a school's admission register (the pupils API, a Common Transfer File). Published once, when the
 * pupil is first stored.
 *
 * @param firstDayOfYear whether the admission date is the first day of the school's academic year (its first term's
 *                       start): with the youngest year group, no new-pupil return is due
 * @param youngestYear   whether the pupil is in the school's youngest year group
 */
public record PupilAdmitted(long pupilId, String upn, String schoolUrn, String laCode, LocalDate admissionDate,
                            int yearGroup, boolean youngestYear, boolean firstDayOfYear) {
}
