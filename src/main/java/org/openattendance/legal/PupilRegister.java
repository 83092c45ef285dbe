package org.openattendance.legal;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.openattendance.attendance.AttendanceSettings;
import org.openattendance.attendance.AttendanceSnapshots;
import org.openattendance.register.AttendanceCode;
import org.openattendance.register.AttendanceCodes;
import org.openattendance.register.RegisterQueries;
import org.openattendance.shared.AcademicYear;
import org.springframework.stereotype.Component;

/**
 * A pupil's register as the legal stages read it: over a period, the possible sessions, the sessions that count
 * toward the penalty threshold (the POLICY code set, default G N O U) and those still coded N; and the attendance
 * record a Notice to Improve states.
 */
@Component
class PupilRegister {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The period's figures. {@code qualifying} includes the N sessions, which count toward the threshold. */
    record Figures(int possible, List<NoticeSession> qualifying, List<NoticeSession> unexplained) {
    }

    private final RegisterQueries register;
    private final AttendanceCodes codes;
    private final Set<String> penaltyCodes;
    private final AttendanceSnapshots snapshots;

    PupilRegister(RegisterQueries register, AttendanceCodes codes, AttendanceSettings settings,
                  AttendanceSnapshots snapshots) {
        this.register = register;
        this.codes = codes;
        this.penaltyCodes = settings.penaltyThresholdCodes();
        this.snapshots = snapshots;
    }

    Figures figures(long pupilId, LocalDate from, LocalDate to) {
        int possible = 0;
        var qualifying = new ArrayList<NoticeSession>();
        var unexplained = new ArrayList<NoticeSession>();
        for (RegisterQueries.Mark mark : register.marksOf(pupilId, from, to)) {
            if (codes.find(mark.code()).map(AttendanceCode::countsAsPossible).orElse(false)) {
                possible++;
            }
            var session = new NoticeSession(mark.date(), mark.session(), mark.code());
            if (penaltyCodes.contains(mark.code())) {
                qualifying.add(session);
            }
            if ("N".equals(mark.code())) {
                unexplained.add(session);
            }
        }
        return new Figures(possible, qualifying, unexplained);
    }

    Set<String> penaltyCodes() {
        return penaltyCodes;
    }

    /** The pupil's attendance this school year, in the words of a letter. */
    String recordText(long pupilId, LocalDate today) {
        return snapshots.find(pupilId, AcademicYear.containing(today)).map(s -> "Attendance this school year to "
                + DAY.format(s.asOf()) + ": " + s.attendancePercent().setScale(1, RoundingMode.HALF_UP) + "% ("
                + s.attended() + " of " + s.possible() + " sessions). Unauthorised absence: " + s.unauthorised()
                + " sessions. Sessions counting toward the penalty threshold in the last 10 school weeks: "
                + s.penaltySessions() + (s.penaltyWindowStart() == null ? "" : " (" + DAY.format(s.penaltyWindowStart())
                + " to " + DAY.format(s.penaltyWindowEnd()) + ")") + ".")
                .orElse("No attendance figures have been calculated for this school year yet.");
    }
}
