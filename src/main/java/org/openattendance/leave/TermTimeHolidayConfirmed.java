package org.openattendance.leave;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The attendance officer confirmed that a pupil was taken out of school for leave the headteacher refused; the
 * absent sessions on the refused days are now G. A penalty notice for it does not need a Notice to Improve first.
 */
public record TermTimeHolidayConfirmed(UUID leaveRequestId, long pupilId, String upn, String schoolUrn,
                                       LocalDate firstDay, LocalDate lastDay, int sessionsRecordedAsG,
                                       String confirmedBy) {
}
