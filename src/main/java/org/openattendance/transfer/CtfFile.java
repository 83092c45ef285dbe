package org.openattendance.transfer;

import java.time.LocalDate;
import java.util.List;

import org.openattendance.shared.Session;

/** The parts of a Common Transfer File this system reads and writes. */
record CtfFile(Header header, List<Pupil> pupils) {

    /** Who sent the file, to whom, and which version of the specification it follows. */
    record Header(String version, String dateTime, School source, School destination) {
    }

    record School(String la, String estab, String urn, String name) {
        String describe() {
            String id = urn != null ? "URN " + urn : la != null && estab != null ? "DfE " + la + "/" + estab : null;
            return name != null ? name + (id == null ? "" : " (" + id + ")") : id != null ? id : "an unnamed school";
        }
    }

    record Pupil(int position, String upn, String surname, String forename, LocalDate dateOfBirth, String sex,
                 Integer yearGroup, String address, boolean lookedAfter, String senProvision, List<Contact> contacts,
                 List<Attendance> attendance, List<String> problems) {

        String name() {
            return (forename == null ? "" : forename + " ") + (surname == null ? "" : surname);
        }
    }

    record Contact(String forename, String surname, String relationship, boolean responsibility, String email,
                   String phone, String address, boolean livesWithPupil) {
    }

    /** One year's session marks at one school ({@code YearData}) from a start date, as the file gives them. */
    record Attendance(School setting, LocalDate startDate, List<SessionMark> marks) {
    }

    record SessionMark(LocalDate date, Session session, String code) {
    }
}
