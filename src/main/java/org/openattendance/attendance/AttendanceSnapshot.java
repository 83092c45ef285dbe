package org.openattendance.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.openattendance.attendance.calculator.AttendanceBand;

/**
 * Where one pupil stands in one academic year, as of a date. {@code unexplainedStreakDays} counts this morning once
 * its register has closed (first-day contact); {@code unexplainedLastDay} is the run's last day. The unresolved N
 * marks are those of this year before the current run, still waiting for a reason (5 school days are allowed).
 * {@code morningPending}: an N this morning, loaded while the morning register was still open (not counted yet).
 */
public record AttendanceSnapshot(long pupilId, String academicYear, LocalDate asOf, int possible, int attended,
                                 int authorised, int unauthorised, BigDecimal attendancePercent, AttendanceBand band,
                                 int penaltySessions, LocalDate penaltyWindowStart, LocalDate penaltyWindowEnd,
                                 boolean penaltyMet, int unexplainedStreakDays, int illnessSessions,
                                 LocalDate unexplainedLastDay, int unresolvedSessions, LocalDate unresolvedFrom,
                                 LocalDate unresolvedTo, boolean morningPending) {

    /** A snapshot without the dates of unexplained absence (no N outside the run, nothing pending this morning). */
    public AttendanceSnapshot(long pupilId, String academicYear, LocalDate asOf, int possible, int attended,
                              int authorised, int unauthorised, BigDecimal attendancePercent, AttendanceBand band,
                              int penaltySessions, LocalDate penaltyWindowStart, LocalDate penaltyWindowEnd,
                              boolean penaltyMet, int unexplainedStreakDays, int illnessSessions) {
        this(pupilId, academicYear, asOf, possible, attended, authorised, unauthorised, attendancePercent, band,
                penaltySessions, penaltyWindowStart, penaltyWindowEnd, penaltyMet, unexplainedStreakDays, illnessSessions,
                null, 0, null, null, false);
    }

    public BigDecimal illnessDays() {
        return BigDecimal.valueOf(illnessSessions * 5L, 1);
    }
}
