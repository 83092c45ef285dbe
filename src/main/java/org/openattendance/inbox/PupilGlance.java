package org.openattendance.inbox;

import java.util.List;

import org.openattendance.attendance.AttendanceSnapshot;
import org.openattendance.attendance.AttendanceSnapshots;
import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.shared.AcademicYear;
import org.springframework.stereotype.Component;

/**
 * The pupil at a glance, as the task page and the pupil page show it (templates/inbox/pupil-glance.html): name,
 * UPN, year group, school, attendance and band from the year's snapshot, cohort flags and the parents' contacts.
 */
@Component
class PupilGlance {

    /** A parent or carer's contact details. */
    record Contact(String name, String relationship, String phone, String email, String address) {
    }

    /** What the glance fragment shows; {@code snapshot} is null until the year's figures are calculated. */
    record Glance(Pupil pupil, String upn, String name, String school, String schoolUrn, AttendanceSnapshot snapshot,
                  String band, String bandClass, List<String> cohorts, List<Contact> contacts) {
    }

    private final SchoolDirectory directory;
    private final AttendanceSnapshots snapshots;

    PupilGlance(SchoolDirectory directory, AttendanceSnapshots snapshots) {
        this.directory = directory;
        this.snapshots = snapshots;
    }

    Glance of(Pupil pupil, AcademicYear year) {
        AttendanceSnapshot snapshot = snapshots.find(pupil.getId(), year).orElse(null);
        return new Glance(pupil, pupil.getUpn(), pupil.getForename() + " " + pupil.getSurname(),
                schoolName(pupil.getSchoolUrn()), pupil.getSchoolUrn(), snapshot,
                snapshot == null ? null : Labels.constant(snapshot.band()),
                snapshot == null ? null : bandClass(snapshot.band()),
                pupil.getCohorts().stream().map(Labels::constant).sorted().toList(),
                pupil.getParents().stream().map(p -> new Contact(p.getName(), p.getRelationship(), p.getPhone(),
                        p.getEmail(), p.getAddress())).toList());
    }

    String schoolName(String urn) {
        return directory.school(urn).map(School::getName).orElse("School " + urn);
    }

    static String bandClass(org.openattendance.attendance.calculator.AttendanceBand band) {
        return switch (band) {
            case SEVERE -> "govuk-tag--red";
            case PERSISTENT -> "govuk-tag--orange";
            default -> "govuk-tag--grey";
        };
    }
}
