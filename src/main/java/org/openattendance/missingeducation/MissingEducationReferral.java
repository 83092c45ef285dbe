package org.openattendance.missingeducation;

import java.time.LocalDate;

/**
 * A request to put a child on the LA's register of children missing education: the case ladder publishes it when the
 * school's referral reaches the LA (the "Make children-missing-education enquiries" task). The register owns this
 * event; it takes each referral once ({@code sourceKey}).
 *
 * @param sourceKey what makes the referral the same referral when it is delivered again (e.g. the task's id)
 */
public record MissingEducationReferral(long pupilId, String upn, String schoolUrn, String laCode, LocalDate referredOn,
                                       String reason, String sourceKey) {
}
