package org.openattendance.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
    Map<String, Object> attendance(@PathVariable String upn,
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
        var body = new LinkedHashMap<String, Object>();
        body.put("upn", pupil.getUpn());
        body.put("from", start);
        body.put("to", end);
        body.put("possible", figures.possible());
        body.put("attended", figures.attended());
        body.put("authorised", figures.authorised());
        body.put("unauthorised", figures.unauthorised());
        body.put("attendancePercent", figures.attendancePercent());
        body.put("band", figures.band());
        var threshold = new LinkedHashMap<String, Object>();
        threshold.put("sessions", penalty.sessions());
        threshold.put("windowStart", penalty.windowStart());
        threshold.put("windowEnd", penalty.windowEnd());
        threshold.put("met", penalty.met());
        body.put("penaltyThreshold", threshold);
        body.put("unexplainedStreakDays", summary.unexplainedAbsence().schoolDays());
        body.put("illnessDays", summary.illness().days());
        return body;
    }

    /**
     * A school's pupils with their figures for this academic year, optionally of one band as the DfE counts it:
     * PERSISTENT is every persistently absent pupil, the severely absent included (every SA pupil is also PA);
     * SEVERE only the severely absent; NONE neither.
     */
    @GetMapping("/api/schools/{urn}/pupils")
    List<Map<String, Object>> pupils(@PathVariable String urn, @RequestParam(required = false) String band) {
        School school = directory.visibleSchool(urn);
        AttendanceBand wanted = parseBand(band);
        List<PupilRoll.PupilName> pupils = roll.namesAt(school.getUrn());
        String year = AcademicYear.containing(snapshots.today()).toString();
        Map<Long, AttendanceSnapshot> figures = table.forPupils(pupils.stream().map(PupilRoll.PupilName::pupilId).toList(), year)
                .stream().collect(Collectors.toMap(AttendanceSnapshot::pupilId, Function.identity()));
        audit.record(AuditTrail.Action.READ_PUPIL, "school", school.getUrn(), "pupil list" + (band == null ? "" : " band " + band));
        return pupils.stream()
                .filter(p -> wanted == null || inBand(figures.get(p.pupilId()), wanted))
                .map(p -> row(p, figures.get(p.pupilId())))
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

    private static Map<String, Object> row(PupilRoll.PupilName pupil, AttendanceSnapshot snapshot) {
        var row = new LinkedHashMap<String, Object>();
        row.put("upn", pupil.upn());
        row.put("forename", pupil.forename());
        row.put("surname", pupil.surname());
        row.put("yearGroup", pupil.yearGroup());
        row.put("possible", snapshot == null ? 0 : snapshot.possible());
        row.put("attended", snapshot == null ? 0 : snapshot.attended());
        row.put("authorised", snapshot == null ? 0 : snapshot.authorised());
        row.put("unauthorised", snapshot == null ? 0 : snapshot.unauthorised());
        row.put("attendancePercent", snapshot == null ? null : snapshot.attendancePercent());
        row.put("band", snapshot == null ? AttendanceBand.NONE : snapshot.band());
        row.put("penaltyThresholdMet", snapshot != null && snapshot.penaltyMet());
        row.put("unexplainedStreakDays", snapshot == null ? 0 : snapshot.unexplainedStreakDays());
        row.put("illnessDays", snapshot == null ? BigDecimal.ZERO : snapshot.illnessDays());
        row.put("asOf", snapshot == null ? null : snapshot.asOf());
        return row;
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
