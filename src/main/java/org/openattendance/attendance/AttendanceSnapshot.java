package org.openattendance.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.openattendance.attendance.calculator.AttendanceBand;

/** Where one pupil stands in one academic year, as of a date. */
public record AttendanceSnapshot(long pupilId, String academicYear, LocalDate asOf, int possible, int attended,
                                 int authorised, int unauthorised, BigDecimal attendancePercent, AttendanceBand band,
                                 int penaltySessions, LocalDate penaltyWindowStart, LocalDate penaltyWindowEnd,
                                 boolean penaltyMet, int unexplainedStreakDays, int illnessSessions) {

    public BigDecimal illnessDays() {
        return BigDecimal.valueOf(illnessSessions * 5L, 1);
    }
}
