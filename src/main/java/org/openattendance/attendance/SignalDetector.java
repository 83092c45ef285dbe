package org.openattendance.attendance;

import java.math.BigDecimal;

import org.openattendance.attendance.calculator.AttendanceBand;
import org.openattendance.school.PupilRoll;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Compares a pupil's new snapshot with the previous one and publishes a signal for each threshold crossed. */
@Component
class SignalDetector {

    private final AttendanceSettings settings;
    private final ApplicationEventPublisher events;

    SignalDetector(AttendanceSettings settings, ApplicationEventPublisher events) {
        this.settings = settings;
        this.events = events;
    }

    void publishChanges(PupilRoll.Enrolment pupil, AttendanceSnapshot before, AttendanceSnapshot after) {
        for (SignalKind kind : SignalKind.values()) {
            if (crossed(kind, before, after)) {
                events.publishEvent(new AttendanceSignal(kind, pupil.pupilId(), pupil.upn(), pupil.schoolUrn(),
                        after.academicYear(), after.asOf(), after));
            }
        }
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
