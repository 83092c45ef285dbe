package org.openattendance.legal;

import java.time.LocalDate;

/**
 * For a term-time holiday: the pupil's first school day back, the last day the school may ask for a notice under
 * the LA's policy (legal-policy.dmn, holidayRequestSchoolDays, version kept), and whether the request came later.
 */
public record HolidayDeadline(LocalDate returnDate, LocalDate deadline, boolean late, int policyVersion) {
}
