package org.openattendance.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The answer of the attendance-summary API: the DfE's measures for a school or an LA over a period (see
 * docs/attendance-figures.md for each definition).
 */
record AttendanceSummary(LocalDate from, LocalDate to, int pupils, int possible, int attended, int authorised,
                         int unauthorised, BigDecimal attendancePercent, BigDecimal overallAbsencePercent,
                         BigDecimal authorisedAbsencePercent, BigDecimal unauthorisedAbsencePercent,
                         int persistentAbsentees, BigDecimal persistentAbsencePercent, int severeAbsentees,
                         BigDecimal severeAbsencePercent, int lateAfterRegisterClosed,
                         Map<String, Integer> sessionsByCode) {

    static AttendanceSummary of(Period period, Figures figures) {
        Sessions s = figures.sessions();
        return new AttendanceSummary(period.from(), period.to(), figures.pupils(), s.possible(), s.attended(),
                s.authorised(), s.unauthorised(), figures.attendancePercent(), figures.overallAbsencePercent(),
                figures.authorisedAbsencePercent(), figures.unauthorisedAbsencePercent(), figures.tally().persistent(),
                figures.persistentAbsencePercent(), figures.tally().severe(), figures.severeAbsencePercent(), s.late(),
                figures.sessionsByCode());
    }
}
