package org.openattendance.attendance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.openattendance.attendance.calculator.AttendanceBand;
import org.openattendance.attendance.calculator.PupilSummary;
import org.openattendance.attendance.calculator.SchoolDayStreak;
import org.openattendance.school.PupilRoll;
import org.springframework.stereotype.Component;

/**
 * Compares a pupil's new snapshot with the previous one and names each threshold crossed, with a key that says which
 * crossing it is. The keys make a crossing count once however often it is detected (two recalculations of the same
 * marks, a resubmitted event): {@link SignalCrossings} keeps them unique per pupil, year and kind.
 */
@Component
class SignalDetector {

    private final AttendanceSettings settings;

    SignalDetector(AttendanceSettings settings) {
        this.settings = settings;
    }

    /**
     * The crossings from {@code before} to {@code after}; {@code recoveries} is how many times this year the pupil
     * recovered above the thresholds (each recovery re-arms the attendance thresholds).
     */
    List<AttendanceSignal> crossings(PupilRoll.Enrolment pupil, AttendanceSnapshot before, AttendanceSnapshot after,
                                     PupilSummary summary, int recoveries) {
        var found = new ArrayList<AttendanceSignal>();
        for (SignalKind kind : SignalKind.values()) {
            if (crossed(kind, before, after)) {
                found.add(new AttendanceSignal(kind, pupil.pupilId(), pupil.upn(), pupil.schoolUrn(),
                        after.academicYear(), after.asOf(), after, crossingKey(kind, after, summary, recoveries)));
            }
        }
        return found;
    }

    static String crossingKey(SignalKind kind, AttendanceSnapshot after, PupilSummary summary, int recoveries) {
        SchoolDayStreak run = summary.unexplainedAbsence();
        return switch (kind) {
            case UNEXPLAINED_ABSENCE -> "run from " + run.firstDay() + ", day " + run.schoolDays();
            case CONTINUOUS_ABSENCE -> "run from " + run.firstDay();
            case UNRESOLVED_ABSENCE -> "unresolved " + after.unresolvedFrom() + " to " + after.unresolvedTo() + ", "
                    + after.unresolvedSessions() + " sessions";
            case BELOW_ATTENDANCE_THRESHOLD, PERSISTENT_ABSENCE, SEVERE_ABSENCE, ATTENDANCE_RECOVERED -> "episode " + recoveries;
            case PENALTY_THRESHOLD_MET -> "window from " + after.penaltyWindowStart();
            case ILLNESS_DAYS_REACHED -> "year";
        };
    }

    boolean crossed(SignalKind kind, AttendanceSnapshot before, AttendanceSnapshot after) {
        return switch (kind) {
            case UNEXPLAINED_ABSENCE -> after.unexplainedStreakDays() > (before == null ? 0 : before.unexplainedStreakDays());
            case UNRESOLVED_ABSENCE -> after.unresolvedSessions() > 0 && (before == null
                    || after.unresolvedSessions() > before.unresolvedSessions() || before.unresolvedTo() == null
                    || after.unresolvedTo().isAfter(before.unresolvedTo()));
            case BELOW_ATTENDANCE_THRESHOLD -> belowLetterThreshold(after) && !belowLetterThreshold(before);
            case PERSISTENT_ABSENCE -> after.band().isPersistentAbsence() && !persistent(before);
            case SEVERE_ABSENCE -> after.band().isSevereAbsence() && !(before != null && before.band().isSevereAbsence());
            case PENALTY_THRESHOLD_MET -> after.penaltyMet() && !(before != null && before.penaltyMet());
            case CONTINUOUS_ABSENCE -> after.unexplainedStreakDays() >= settings.continuousAbsenceDays()
                    && (before == null || before.unexplainedStreakDays() < settings.continuousAbsenceDays());
            case ILLNESS_DAYS_REACHED -> illnessDays(after) >= settings.illnessReturnDays()
                    && (before == null || illnessDays(before) < settings.illnessReturnDays());
            case ATTENDANCE_RECOVERED -> before != null && (persistent(before) || belowLetterThreshold(before))
                    && !persistent(after) && !belowLetterThreshold(after) && after.possible() > 0;
        };
    }

    private boolean belowLetterThreshold(AttendanceSnapshot snapshot) {
        return snapshot != null && snapshot.attendancePercent() != null
                && exactAttendance(snapshot).compareTo(settings.letterBelowPercent()) < 0;
    }

    /** Compared unrounded, so 94.96 % is below 95 % even though it shows as 95.0 %. */
    private static BigDecimal exactAttendance(AttendanceSnapshot snapshot) {
        return BigDecimal.valueOf(snapshot.attended() * 100L).divide(BigDecimal.valueOf(snapshot.possible()), 6,
                java.math.RoundingMode.DOWN);
    }

    private static boolean persistent(AttendanceSnapshot snapshot) {
        return snapshot != null && snapshot.band() != AttendanceBand.NONE;
    }

    private static double illnessDays(AttendanceSnapshot snapshot) {
        return snapshot.illnessSessions() / 2.0;
    }
}
