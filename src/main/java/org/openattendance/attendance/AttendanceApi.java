package org.openattendance.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openattendance.attendance.calculator.AttendanceBand;
import org.openattendance.attendance.calculator.PupilSummary;
import org.openattendance.school.Pupil;
import org.openattendance.school.PupilRoll;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AttendanceApi {

    /** The penalty-notice threshold over its window (the sessions of unauthorised absence counted in it). */
    record ThresholdBody(int sessions, LocalDate windowStart, LocalDate windowEnd, boolean met) {
    }

    record AttendanceBody(String upn, LocalDate from, LocalDate to, int possible, int attended, int authorised,
                          int unauthorised, BigDecimal attendancePercent, AttendanceBand band,
                          ThresholdBody penaltyThreshold, int unexplainedStreakDays, BigDecimal illnessDays) {
    }

    /** A pupil of the school with the figures last calculated for this year (zero and no band before any). */
    record PupilBody(String upn, String forename, String surname, int yearGroup, int possible, int attended,
                     int authorised, int unauthorised, BigDecimal attendancePercent, AttendanceBand band,
                     boolean penaltyThresholdMet, int unexplainedStreakDays, BigDecimal illnessDays, LocalDate asOf) {

        static PupilBody of(PupilRoll.PupilName pupil, AttendanceSnapshot snapshot) {
            if (snapshot == null) {
                return new PupilBody(pupil.upn(), pupil.forename(), pupil.surname(), pupil.yearGroup(), 0, 0, 0, 0,
                        null, AttendanceBand.NONE, false, 0, BigDecimal.ZERO, null);
            }
            return new PupilBody(pupil.upn(), pupil.forename(), pupil.surname(), pupil.yearGroup(), snapshot.possible(),
                    snapshot.attended(), snapshot.authorised(), snapshot.unauthorised(), snapshot.attendancePercent(),
                    snapshot.band(), snapshot.penaltyMet(), snapshot.unexplainedStreakDays(), snapshot.illnessDays(),
                    snapshot.asOf());
        }
    }

    private final AttendanceSnapshots snapshots;
    private final SnapshotStore table;
    private final SchoolDirectory directory;
    private final PupilRoll roll;
    private final AuditTrail audit;

    AttendanceApi(AttendanceSnapshots snapshots, SnapshotStore table, SchoolDirectory directory, PupilRoll roll,
                         AuditTrail audit) {
        this.snapshots = snapshots;
        this.table = table;
        this.directory = directory;
        this.roll = roll;
        this.audit = audit;
    }

    /** Where a pupil stands over a period, by default the academic year to date. */
    @GetMapping("/api/pupils/{upn}/attendance")
    AttendanceBody attendance(@PathVariable String upn,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Pupil pupil = directory.visiblePupil(upn);
        LocalDate end = to == null ? snapshots.today() : to;
        LocalDate start = from == null ? AcademicYear.containing(end).firstDay() : from;
        if (end.isBefore(start)) {
            throw new InvalidInputException("'to' (" + end + ") is before 'from' (" + start + ")");
        }
        PupilSummary summary = snapshots.calculate(pupil.getId(), start, end);
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil", pupil.getUpn(), "attendance " + start + " to " + end);
        var figures = summary.figures();
        var penalty = summary.penaltyThreshold();
        return new AttendanceBody(pupil.getUpn(), start, end, figures.possible(), figures.attended(),
                figures.authorised(), figures.unauthorised(), figures.attendancePercent(), figures.band(),
                new ThresholdBody(penalty.sessions(), penalty.windowStart(), penalty.windowEnd(), penalty.met()),
                summary.unexplainedAbsence().schoolDays(), summary.illness().days());
    }

    /**
     * A school's pupils with their figures for this academic year, optionally of one band as the DfE counts it:
     * PERSISTENT is every persistently absent pupil, the severely absent included (every SA pupil is also PA);
     * SEVERE only the severely absent; NONE neither.
     */
    @GetMapping("/api/schools/{urn}/pupils")
    List<PupilBody> pupils(@PathVariable String urn, @RequestParam(required = false) String band) {
        School school = directory.visibleSchool(urn);
        AttendanceBand wanted = parseBand(band);
        List<PupilRoll.PupilName> pupils = roll.namesAt(school.getUrn());
        String year = AcademicYear.containing(snapshots.today()).toString();
        Map<Long, AttendanceSnapshot> figures = table.forPupils(pupils.stream().map(PupilRoll.PupilName::pupilId).toList(), year)
                .stream().collect(Collectors.toMap(AttendanceSnapshot::pupilId, Function.identity()));
        audit.record(AuditTrail.Action.READ_PUPIL, "school", school.getUrn(), "pupil list" + (band == null ? "" : " band " + band));
        return pupils.stream()
                .filter(p -> wanted == null || inBand(figures.get(p.pupilId()), wanted))
                .map(p -> PupilBody.of(p, figures.get(p.pupilId())))
                .toList();
    }

    private static boolean inBand(AttendanceSnapshot snapshot, AttendanceBand wanted) {
        AttendanceBand band = snapshot == null ? AttendanceBand.NONE : snapshot.band();
        return switch (wanted) {
            case NONE -> band == AttendanceBand.NONE;
            case PERSISTENT -> band.isPersistentAbsence();
            case SEVERE -> band.isSevereAbsence();
        };
    }

    private static AttendanceBand parseBand(String band) {
        if (band == null || band.isBlank()) {
            return null;
        }
        try {
            return AttendanceBand.valueOf(band.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("band must be one of " + List.of(AttendanceBand.values()) + ", not '" + band + "'");
        }
    }
}
