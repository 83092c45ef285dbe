package org.openattendance.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openattendance.register.RegisterQueries;
import org.openattendance.school.Cohort;
import org.openattendance.school.Parent;
import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a pupil's Common Transfer File for the next school: the header (this school as the source, the next school as
 * the destination where known), the pupil's details, contacts, SEN provision and looked-after status, and this
 * school's session marks for this academic year and the last, from the pupil's first day on roll. For the school's own
 * attendance staff (404 outside their scope, 403 for those who may only read); every export is audited.
 */
@Service
public class CtfExport {

    static final String VERSION = "25.0";

    public record Export(String fileName, byte[] xml) {
    }

    private static final Map<String, String> RELATIONSHIP_CODES = Map.of("parent", "PAR", "mother", "MOT",
            "father", "FAT", "carer", "CAR", "foster carer", "FOS", "step-parent", "STP", "grandparent", "GRP",
            "other relative", "REL", "social worker", "SWR");

    private final SchoolDirectory directory;
    private final RegisterQueries register;
    private final AuditTrail audit;
    private final Clock clock;

    CtfExport(SchoolDirectory directory, RegisterQueries register, AuditTrail audit, Clock clock) {
        this.directory = directory;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param destinationUrn the next school's URN where known */
    @Transactional
    public Export export(String upn, String destinationUrn) {
        Pupil pupil = directory.visiblePupil(upn);
        School school = directory.writableSchool(pupil.getSchoolUrn());
        LocalDate today = LocalDate.now(clock);
        Document doc = CtfXml.newDocument();
        Element root = doc.createElement("CTfile");
        doc.appendChild(root);
        Element header = add(doc, root, "Header");
        text(doc, header, "DocumentName", "Common Transfer File");
        text(doc, header, "CTFversion", VERSION);
        text(doc, header, "DateTime", LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        text(doc, header, "DocumentQualifier", "partial");
        text(doc, header, "SupplierID", "Open Attendance");
        Element source = add(doc, header, "SourceSchool");
        text(doc, source, "LEA", school.getLaCode());
        text(doc, source, "URN", school.getUrn());
        text(doc, source, "SchoolName", school.getName());
        text(doc, source, "AcademicYear", String.valueOf(AcademicYear.containing(today).startYear()));
        Element destination = add(doc, header, "DestSchool");
        if (destinationUrn != null && !destinationUrn.isBlank()) {
            text(doc, destination, "URN", destinationUrn.trim());
        }
        Element data = add(doc, root, "CTFpupilData");
        Element element = add(doc, data, "Pupil");
        text(doc, element, "UPN", pupil.getUpn());
        text(doc, element, "Surname", pupil.getSurname());
        text(doc, element, "Forename", pupil.getForename());
        text(doc, element, "DOB", pupil.getDateOfBirth().toString());
        Element basic = add(doc, element, "BasicDetails");
        text(doc, basic, "NCyearActual", pupil.getYearGroup() == 0 ? "R" : String.valueOf(pupil.getYearGroup()));
        Element lookedAfter = add(doc, element, "LookedAfter");
        text(doc, lookedAfter, "InCare", String.valueOf(pupil.getCohorts().contains(Cohort.LOOKED_AFTER)));
        String sen = pupil.getCohorts().contains(Cohort.EHCP) ? "E" : pupil.getCohorts().contains(Cohort.SEN_SUPPORT) ? "K" : null;
        if (sen != null) {
            text(doc, add(doc, add(doc, element, "SENhistory"), "SEN"), "SENprovision", sen);
        }
        Element contacts = add(doc, element, "Contacts");
        int order = 0;
        for (Parent parent : pupil.getParents()) {
            Element contact = add(doc, contacts, "Contact");
            text(doc, contact, "Order", String.valueOf(++order));
            String name = parent.getName().trim();
            int space = name.lastIndexOf(' ');
            text(doc, contact, "Forename", space < 0 ? null : name.substring(0, space));
            text(doc, contact, "Surname", space < 0 ? name : name.substring(space + 1));
            text(doc, contact, "Relationship", RELATIONSHIP_CODES.getOrDefault(
                    parent.getRelationship().toLowerCase(Locale.ROOT), "OTH"));
            text(doc, contact, "Responsibility", String.valueOf(parent.hasParentalResponsibility()));
            text(doc, contact, "Email", parent.getEmail());
            if (parent.getPhone() != null) {
                text(doc, add(doc, add(doc, contact, "Phones"), "Phone"), "PhoneNo", parent.getPhone());
            }
            if (parent.getAddress() != null) {
                text(doc, add(doc, add(doc, contact, "Address"), "AddressLines"), "AddressLine1", parent.getAddress());
            }
        }
        attendance(doc, element, pupil, today);
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil", pupil.getUpn(), "Common Transfer File exported"
                + (destinationUrn == null || destinationUrn.isBlank() ? "" : " for URN " + destinationUrn.trim()));
        return new Export(school.getLaCode() + "_CTF_" + school.getUrn() + "_" + pupil.getUpn() + ".xml",
                CtfXml.write(doc));
    }

    private void attendance(Document doc, Element pupilElement, Pupil pupil, LocalDate today) {
        AcademicYear year = AcademicYear.containing(today);
        LocalDate from = pupil.getAdmissionDate().isAfter(year.previous().firstDay())
                ? pupil.getAdmissionDate() : year.previous().firstDay();
        LocalDate to = pupil.getDeletionDate() != null && pupil.getDeletionDate().isBefore(today) ? pupil.getDeletionDate() : today;
        var byYear = new TreeMap<AcademicYear, List<RegisterQueries.Mark>>();
        for (RegisterQueries.Mark mark : register.marksOf(pupil.getId(), from, to)) {
            byYear.computeIfAbsent(AcademicYear.containing(mark.date()), y -> new ArrayList<>()).add(mark);
        }
        if (byYear.isEmpty()) {
            return;
        }
        Element attendance = add(doc, pupilElement, "Attendance");
        byYear.forEach((academicYear, marks) -> {
            Element yearData = add(doc, attendance, "YearData");
            text(doc, yearData, "Year", String.valueOf(academicYear.startYear()));
            Element session = add(doc, yearData, "SessionAttendance");
            LocalDate start = from.isAfter(academicYear.firstDay()) ? from : academicYear.firstDay();
            text(doc, session, "AttendanceStartDate", start.toString());
            text(doc, session, "AttendanceMarks", marksString(start, marks));
        });
    }

    /** Two marks a day from the start date to the last mark, '-' where there is none (see {@link CtfReader}). */
    static String marksString(LocalDate start, List<RegisterQueries.Mark> marks) {
        var bySlot = new TreeMap<Long, String>();
        for (RegisterQueries.Mark mark : marks) {
            bySlot.put(ChronoUnit.DAYS.between(start, mark.date()) * 2 + (mark.session() == Session.AM ? 0 : 1), mark.code());
        }
        var text = new StringBuilder();
        long last = bySlot.lastKey();
        for (long slot = 0; slot <= last; slot++) {
            text.append(bySlot.getOrDefault(slot, CtfReader.NO_MARK));
        }
        return text.toString();
    }

    private static Element add(Document doc, Element parent, String name) {
        Element element = doc.createElement(name);
        parent.appendChild(element);
        return element;
    }

    private static void text(Document doc, Element parent, String name, String value) {
        if (value != null && !value.isBlank()) {
            add(doc, parent, name).setTextContent(value);
        }
    }
}
