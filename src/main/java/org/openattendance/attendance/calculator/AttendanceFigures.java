package org.openattendance.attendance.calculator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Session counts and rates for one enrolment over a period. Percentages have one decimal place
 * (HALF_UP, each rounded on its own) and are null when nothing was possible.
 */
public record AttendanceFigures(
        int possible,
        int attended,
        int authorised,
        int unauthorised,
        BigDecimal attendancePercent,
        BigDecimal absencePercent,
        AttendanceBand band) {

    public static final AttendanceFigures NONE = fromCounts(0, 0, 0);

    public AttendanceFigures {
        if (attended < 0 || authorised < 0 || unauthorised < 0 || possible != attended + authorised + unauthorised) {
            throw new IllegalArgumentException(String.format(
                    "Inconsistent counts: possible %d, attended %d, authorised %d, unauthorised %d",
                    possible, attended, authorised, unauthorised));
        }
        Objects.requireNonNull(band, "band");
    }

    public static AttendanceFigures fromCounts(int attended, int authorised, int unauthorised) {
        int possible = attended + authorised + unauthorised;
        int absent = authorised + unauthorised;
        return new AttendanceFigures(possible, attended, authorised, unauthorised,
                percent(attended, possible), percent(absent, possible), AttendanceBand.of(absent, possible));
    }

    public int absent() {
        return authorised + unauthorised;
    }

    public boolean persistentlyAbsent() {
        return band.isPersistentAbsence();
    }

    public boolean severelyAbsent() {
        return band.isSevereAbsence();
    }

    private static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
