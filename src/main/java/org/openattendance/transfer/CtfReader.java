package org.openattendance.transfer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.Session;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the elements this system needs from a Common Transfer File ({@code CTfile}), as the DfE's CTF specification
 * lays them out (checked against CTF 25.0, see docs/architecture.md): the header's source and destination schools and
 * version, and for each {@code CTFpupilData/Pupil} the details, address, contacts, SEN provision, looked-after status
 * and session attendance. A pupil's own problems (a missing name, a bad date) are kept with it, so the import reports
 * them and goes on with the others.
 *
 * <p>Session marks: each {@code Attendance/YearData} is one academic year at one school ({@code LEA}, {@code Estab},
 * {@code SchoolName}, the session counts) and may hold {@code AttendSessions}: an {@code AttendanceStartDate} and an
 * {@code AttendanceMarks} string, two marks a day (morning, afternoon) for every calendar day from the start date,
 * weekends and holidays included. A mark is one character, or a letter and a digit for the 2024 codes (C1, C2, J1, Y1
 * to Y7): no code is a digit alone, so the string reads without separators. '-' is a session without a mark and '#' a
 * day the school was closed (a weekend, a holiday); neither is a mark.
 */
final class CtfReader {

    static final String NO_MARK = "-";
    static final String CLOSED = "#";

    /** Relationship codes of the common basic data set, as the page shows them. */
    private static final Map<String, String> RELATIONSHIPS = Map.ofEntries(Map.entry("PAR", "Parent"),
            Map.entry("MOT", "Mother"), Map.entry("FAT", "Father"), Map.entry("CAR", "Carer"),
            Map.entry("FOS", "Foster carer"), Map.entry("STP", "Step-parent"), Map.entry("GRP", "Grandparent"),
            Map.entry("REL", "Other relative"), Map.entry("SWR", "Social worker"), Map.entry("OTH", "Other contact"));

    private CtfReader() {
    }

    static CtfFile read(Document document) {
        Element root = document.getDocumentElement();
        if (!"CTfile".equals(root.getTagName())) {
            throw new InvalidInputException("This is not a Common Transfer File: its root element is <"
                    + root.getTagName() + ">, not <CTfile>. Nothing was imported.");
        }
        Element header = child(root, "Header");
        if (header == null) {
            throw new InvalidInputException("The file has no <Header>. Nothing was imported.");
        }
        var head = new CtfFile.Header(text(header, "CTFversion"), text(header, "DateTime"),
                school(child(header, "SourceSchool")), school(child(header, "DestSchool")));
        var pupils = new ArrayList<CtfFile.Pupil>();
        Element data = child(root, "CTFpupilData");
        int position = 0;
        for (Element pupil : children(data, "Pupil")) {
            pupils.add(pupil(++position, pupil));
        }
        return new CtfFile(head, pupils);
    }

    private static CtfFile.School school(Element school) {
        if (school == null) {
            return new CtfFile.School(null, null, null, null);
        }
        return new CtfFile.School(text(school, "LEA"), text(school, "Estab"), text(school, "URN"), text(school, "SchoolName"));
    }

    private static CtfFile.Pupil pupil(int position, Element pupil) {
        var problems = new ArrayList<String>();
        LocalDate dateOfBirth = date(text(pupil, "DOB"), "date of birth (DOB)", problems);
        Integer yearGroup = null;
        String year = text(child(pupil, "BasicDetails"), "NCyearActual");
        if (year != null) {
            String normalised = year.trim().toUpperCase(Locale.ROOT);
            try {
                yearGroup = switch (normalised) {
                    case "R" -> 0;
                    case "N1", "N2", "E1", "E2" -> -1;
                    default -> Integer.parseInt(normalised);
                };
            } catch (NumberFormatException e) {
                problems.add("the year group (NCyearActual) '" + year + "' is not a year group");
            }
        }
        String sex = text(pupil, "Sex");
        if (sex == null) {
            sex = text(pupil, "Gender");
        }
        Element lookedAfter = child(pupil, "LookedAfter");
        boolean inCare = lookedAfter != null && yes(text(lookedAfter, "InCare"));
        String sen = null;
        for (Element entry : children(child(pupil, "SENhistory"), "SEN")) {
            sen = text(entry, "SENprovision");
        }
        var contacts = new ArrayList<CtfFile.Contact>();
        String pupilAddress = address(child(pupil, "Address"));
        for (Element contact : children(child(pupil, "Contacts"), "Contact")) {
            String phone = null;
            for (Element p : children(child(contact, "Phones"), "Phone")) {
                phone = phone == null ? text(p, "PhoneNo") : phone;
            }
            String relationship = text(contact, "Relationship");
            Element addressElement = child(contact, "Address");
            boolean asPupil = addressElement == null || yes(text(addressElement, "AddressAsPupil"));
            String contactAddress = asPupil ? null : address(addressElement);
            contacts.add(new CtfFile.Contact(text(contact, "Forename"), text(contact, "Surname"),
                    relationship == null ? null : RELATIONSHIPS.getOrDefault(relationship.trim().toUpperCase(Locale.ROOT),
                            relationship.trim()),
                    yes(text(contact, "Responsibility")), text(contact, "Email"), phone,
                    contactAddress == null ? pupilAddress : contactAddress,
                    contactAddress == null || contactAddress.equalsIgnoreCase(pupilAddress)));
        }
        var attendance = new ArrayList<CtfFile.Attendance>();
        for (Element yearData : children(child(pupil, "Attendance"), "YearData")) {
            Element sessions = child(yearData, "AttendSessions");
            if (sessions == null) {
                continue;
            }
            LocalDate start = date(text(sessions, "AttendanceStartDate"), "attendance start date (AttendanceStartDate)",
                    problems);
            String marks = text(sessions, "AttendanceMarks");
            if (start != null && marks != null) {
                var setting = new CtfFile.School(text(yearData, "LEA"), text(yearData, "Estab"), null,
                        text(yearData, "SchoolName"));
                attendance.add(new CtfFile.Attendance(setting, start, marks(start, marks)));
            }
        }
        return new CtfFile.Pupil(position, text(pupil, "UPN"), text(pupil, "Surname"), text(pupil, "Forename"),
                dateOfBirth, sex, yearGroup, pupilAddress, inCare, sen, contacts, attendance, problems);
    }

    /** The marks string read from the start date, morning then afternoon; no mark and closed days are left out. */
    static List<CtfFile.SessionMark> marks(LocalDate start, String text) {
        var marks = new ArrayList<CtfFile.SessionMark>();
        String compact = text.replaceAll("\\s+", "");
        int slot = 0;
        for (int i = 0; i < compact.length(); slot++) {
            int length = i + 1 < compact.length() && Character.isDigit(compact.charAt(i + 1)) ? 2 : 1;
            String code = compact.substring(i, i + length);
            i += length;
            if (!NO_MARK.equals(code) && !CLOSED.equals(code)) {
                marks.add(new CtfFile.SessionMark(start.plusDays(slot / 2), slot % 2 == 0 ? Session.AM : Session.PM, code));
            }
        }
        return marks;
    }

    private static String address(Element address) {
        if (address == null) {
            return null;
        }
        var parts = new ArrayList<String>();
        Element lines = child(address, "AddressLines");
        collectText(lines != null ? lines : child(address, "BS7666Address"), parts);
        String postcode = text(address, "PostCode");
        if (postcode != null) {
            parts.add(postcode);
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void collectText(Element element, List<String> into) {
        if (element == null) {
            return;
        }
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                String value = child.getTextContent().trim();
                if (!value.isEmpty() && !Set.of("PostCode", "UniquePropertyReferenceNumber").contains(child.getTagName())) {
                    into.add(value);
                }
            }
        }
    }

    /** The schema's booleans: true or 1. */
    private static boolean yes(String value) {
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    private static LocalDate date(String text, String what, List<String> problems) {
        if (text == null) {
            problems.add("the " + what + " is missing");
            return null;
        }
        try {
            return LocalDate.parse(text.trim().length() > 10 ? text.trim().substring(0, 10) : text.trim());
        } catch (DateTimeParseException e) {
            problems.add("the " + what + " '" + text + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        var found = new ArrayList<Element>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    static String text(Element parent, String name) {
        Element element = child(parent, name);
        if (element == null) {
            return null;
        }
        String value = element.getTextContent().trim();
        return value.isEmpty() ? null : value;
    }
}
