package org.openattendance.staffweb.pupils;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.openattendance.attendance.AttendanceSnapshot;
import org.openattendance.attendance.AttendanceSnapshots;
import org.openattendance.attendance.calculator.AttendanceBand;
import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.AcademicYear;
import org.openattendance.staffweb.shell.Labels;
import org.springframework.stereotype.Component;

/**
 * The pupil at a glance, as the task page and the pupil page show it (templates/fragments/pupil-glance.html): name,
 * UPN, year group, school, attendance and band from the year's snapshot, cohort flags and the parents' contacts.
 */
@Component
public class PupilGlance {

    /** A parent or carer's contact details. */
    record Contact(String name, String relationship, String phone, String email, String address) {
    }

    /** A year's attendance: from the stored snapshot, or for an earlier year calculated from the register. */
    record Figures(BigDecimal attendancePercent, LocalDate asOf, int attended, int possible, AttendanceBand band) {
    }

    /** What the glance fragment shows; {@code figures} is null until the year's figures are calculated. */
    public record Glance(Pupil pupil, String upn, String name, String school, String schoolUrn, Figures figures,
                  String band, String bandClass, List<String> cohorts, List<Contact> contacts) {
        public String year() {
            return Labels.yearGroup(pupil.getYearGroup());
        }
    }

    private final SchoolDirectory directory;
    private final AttendanceSnapshots snapshots;

    PupilGlance(SchoolDirectory directory, AttendanceSnapshots snapshots) {
        this.directory = directory;
        this.snapshots = snapshots;
    }

    public Glance of(Pupil pupil, AcademicYear year) {
        Figures figures = figures(pupil, year);
        return new Glance(pupil, pupil.getUpn(), pupil.getForename() + " " + pupil.getSurname(),
                schoolName(pupil.getSchoolUrn()), pupil.getSchoolUrn(), figures,
                figures == null ? null : Labels.constant(figures.band()),
                figures == null ? null : bandClass(figures.band()),
                pupil.getCohorts().stream().map(Labels::cohort).sorted().toList(),
                pupil.getParents().stream().map(p -> new Contact(p.getName(), p.getRelationship(), p.getPhone(),
                        p.getEmail(), p.getAddress())).toList());
    }

    /** Snapshots are kept for the current year only; an earlier year's figures are calculated from its register. */
    private Figures figures(Pupil pupil, AcademicYear year) {
        AttendanceSnapshot snapshot = snapshots.find(pupil.getId(), year).orElse(null);
        if (snapshot != null) {
            return new Figures(snapshot.attendancePercent(), snapshot.asOf(), snapshot.attended(), snapshot.possible(),
                    snapshot.band());
        }
        if (!year.lastDay().isBefore(snapshots.today())) {
            return null;
        }
        var summary = snapshots.calculate(pupil.getId(), year.firstDay(), year.lastDay());
        var figures = summary.figures();
        return figures.possible() == 0 ? null : new Figures(figures.attendancePercent(), summary.asOf(),
                figures.attended(), figures.possible(), figures.band());
    }

    public String schoolName(String urn) {
        return directory.school(urn).map(School::getName).orElse("School " + urn);
    }

    static String bandClass(AttendanceBand band) {
        return switch (band) {
            case SEVERE -> "govuk-tag--red";
            case PERSISTENT -> "govuk-tag--orange";
            default -> "govuk-tag--grey";
        };
    }
}
