package org.openattendance.transfer;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openattendance.register.AttendanceCodes;
import org.openattendance.register.RegisterQueries;
import org.openattendance.school.Cohort;
import org.openattendance.school.Parent;
import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolCalendar;
import org.openattendance.school.SchoolCalendars;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a pupil's Common Transfer File for the next school, in the element order of the DfE's CTF specification
 * (CTF 25.0): the header (this school as the source, the next school as the destination where known, else the
 * specification's "not known" {@code XXX}/{@code XXXX}), the pupil's details, address, contacts, SEN provision and
 * looked-after status, and for this academic year and the last a {@code YearData} with this school's session counts and
 * its session marks from the pupil's first day on roll. For the school's own attendance staff (404 outside their scope,
 * 403 for those who may only read); every export is audited.
 */
@Service
public class CtfExport {

    static final String VERSION = "25.0";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** A 7-digit DfE number (LA and establishment), with or without a slash. */
    private static final Pattern DFE_NUMBER = Pattern.compile("(\\d{3})/?(\\d{4})");
    private static final Pattern URN = Pattern.compile("\\d{6}");
    private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}",
            Pattern.CASE_INSENSITIVE);

    public record Export(String fileName, byte[] xml) {
    }

    private static final Map<String, String> RELATIONSHIP_CODES = Map.of("parent", "PAR", "mother", "MOT",
            "father", "FAT", "carer", "CAR", "foster carer", "FOS", "step-parent", "STP", "grandparent", "GRP",
            "other relative", "REL", "social worker", "SWR");

    private final SchoolDirectory directory;
    private final SchoolCalendars calendars;
    private final RegisterQueries register;
    private final AttendanceCodes codes;
    private final AuditTrail audit;
    private final Clock clock;

    CtfExport(SchoolDirectory directory, SchoolCalendars calendars, RegisterQueries register, AttendanceCodes codes,
              AuditTrail audit, Clock clock) {
        this.directory = directory;
        this.calendars = calendars;
        this.register = register;
        this.codes = codes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param destination the next school where known: its URN (6 digits) or its DfE number (LA and establishment
     *                    number, 7 digits, e.g. 9992999 or 999/2999)
     */
    @Transactional
    public Export export(String upn, String destination) {
        Pupil pupil = directory.visiblePupil(upn);
        School school = directory.writableSchool(pupil.getSchoolUrn());
        LocalDate today = LocalDate.now(clock);
        checkDestination(destination);
        String next = destination == null ? "" : destination.trim();
        Matcher dfeNumber = DFE_NUMBER.matcher(next);
        boolean byDfeNumber = dfeNumber.matches();
        Document doc = CtfXml.newDocument();
        Element root = doc.createElement("CTfile");
        doc.appendChild(root);
        Element header = add(doc, root, "Header");
        text(doc, header, "DocumentName", "Common Transfer File");
        text(doc, header, "CTFversion", VERSION);
        text(doc, header, "DateTime", DATE_TIME.format(LocalDateTime.now(clock)));
        text(doc, header, "DocumentQualifier", "partial");
        text(doc, header, "SupplierID", "Open Attendance");
        Element source = add(doc, header, "SourceSchool");
        text(doc, source, "LEA", school.getLaCode());
        text(doc, source, "URN", school.getUrn());
        text(doc, source, "SchoolName", school.getName());
        // the CTF's academic year turns over on 1 August
        text(doc, source, "AcademicYear", String.valueOf(today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1));
        Element dest = add(doc, header, "DestSchool");
        text(doc, dest, "LEA", byDfeNumber ? dfeNumber.group(1) : "XXX");
        text(doc, dest, "Estab", byDfeNumber ? dfeNumber.group(2) : "XXXX");
        if (!next.isEmpty() && !byDfeNumber) {
            text(doc, dest, "URN", next);
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
        String home = pupil.getParents().stream().filter(Parent::livesWithPupil).map(Parent::getAddress)
                .filter(a -> a != null && !a.isBlank()).findFirst().orElse(null);
        if (home != null) {
            address(doc, element, home);
        }
        contacts(doc, element, pupil, home);
        attendance(doc, element, pupil, school, today);
        audit.record(AuditTrail.Action.READ_PUPIL, "pupil", pupil.getUpn(), "Common Transfer File exported"
                + (next.isEmpty() ? "" : " for " + (byDfeNumber ? "DfE number " : "URN ") + next));
        return new Export(school.getLaCode() + "_CTF_" + school.getUrn() + "_" + pupil.getUpn() + ".xml",
                CtfXml.write(doc));
    }

    /** The next school is named by its URN or its DfE number, or not at all. */
    static void checkDestination(String destination) {
        String next = destination == null ? "" : destination.trim();
        if (!next.isEmpty() && !DFE_NUMBER.matcher(next).matches() && !URN.matcher(next).matches()) {
            throw new InvalidInputException("The next school '" + next + "' is neither a URN (6 digits) nor a DfE"
                    + " number (the LA and establishment numbers, 7 digits such as 9992999).");
        }
    }

    private static void contacts(Document doc, Element pupilElement, Pupil pupil, String home) {
        if (pupil.getParents().isEmpty()) {
            return;
        }
        Element contacts = add(doc, pupilElement, "Contacts");
        int order = 0;
        for (Parent parent : pupil.getParents()) {
            Element contact = add(doc, contacts, "Contact");
            text(doc, contact, "Order", String.valueOf(++order));
            String name = parent.getName().trim();
            int space = name.lastIndexOf(' ');
            text(doc, contact, "Surname", space < 0 ? name : name.substring(space + 1));
            text(doc, contact, "Forename", space < 0 ? null : name.substring(0, space));
            text(doc, contact, "Relationship", RELATIONSHIP_CODES.getOrDefault(
                    parent.getRelationship().toLowerCase(Locale.ROOT), "OTH"));
            text(doc, contact, "Responsibility", String.valueOf(parent.hasParentalResponsibility()));
            if (parent.livesWithPupil() && home != null
                    && (parent.getAddress() == null || parent.getAddress().equalsIgnoreCase(home))) {
                text(doc, add(doc, contact, "Address"), "AddressAsPupil", "true");
            } else if (parent.getAddress() != null && !parent.getAddress().isBlank()) {
                address(doc, contact, parent.getAddress());
            }
            if (parent.getPhone() != null) {
                text(doc, add(doc, add(doc, contact, "Phones"), "Phone"), "PhoneNo", parent.getPhone());
            }
            text(doc, contact, "Email", parent.getEmail());
        }
    }

    /** An address held as one line ("7 Heron Close, Northtown, ZZ9 9ZZ"): up to five lines and the postcode. */
    private static void address(Document doc, Element parent, String address) {
        var parts = new ArrayList<>(Arrays.stream(address.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList());
        String postcode = !parts.isEmpty() && POSTCODE.matcher(parts.get(parts.size() - 1)).matches()
                ? parts.remove(parts.size() - 1).toUpperCase(Locale.ROOT) : null;
        Element element = add(doc, parent, "Address");
        Element lines = add(doc, element, "AddressLines");
        for (int i = 0; i < Math.min(parts.size(), 5); i++) {
            text(doc, lines, "AddressLine" + (i + 1), i < 4 ? parts.get(i) : String.join(", ", parts.subList(4, parts.size())));
        }
        text(doc, element, "PostCode", postcode);
    }

    private void attendance(Document doc, Element pupilElement, Pupil pupil, School school, LocalDate today) {
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
            text(doc, yearData, "LEA", school.getLaCode());
            text(doc, yearData, "SchoolName", school.getName());
            int possible = 0;
            int authorised = 0;
            int attended = 0;
            int unauthorised = 0;
            for (RegisterQueries.Mark mark : marks) {
                var code = codes.find(mark.code());
                if (code.isEmpty() || !code.get().countsAsPossible()) {
                    continue;
                }
                possible++;
                attended += code.get().countsAsAttended() ? 1 : 0;
                authorised += "AUTHORISED".equals(code.get().category()) ? 1 : 0;
                unauthorised += "UNAUTHORISED".equals(code.get().category()) ? 1 : 0;
            }
            text(doc, yearData, "SessionsPossible", String.valueOf(possible));
            text(doc, yearData, "SessionsAuthorised", String.valueOf(authorised));
            text(doc, yearData, "SessionsAttended", String.valueOf(attended));
            text(doc, yearData, "SessionsUnauthorised", String.valueOf(unauthorised));
            Element sessions = add(doc, yearData, "AttendSessions");
            LocalDate start = from.isAfter(academicYear.firstDay()) ? from : academicYear.firstDay();
            text(doc, sessions, "AttendanceStartDate", start.toString());
            SchoolCalendar calendar = calendars.hasCalendar(school.getUrn(), academicYear)
                    ? calendars.forYears(school.getUrn(), List.of(academicYear)) : null;
            text(doc, sessions, "AttendanceMarks", marksString(start, marks, (date, session) -> calendar != null
                    ? calendar.isOpen(date, session)
                    : date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY));
        });
    }

    /**
     * Two marks a day for every calendar day from the start date to the last mark: the mark, '#' where the school
     * was closed (weekends, holidays, closures) and '-' for an open session without a mark (see {@link CtfReader}).
     */
    static String marksString(LocalDate start, List<RegisterQueries.Mark> marks, BiPredicate<LocalDate, Session> open) {
        var bySlot = new TreeMap<Long, String>();
        for (RegisterQueries.Mark mark : marks) {
            bySlot.put(ChronoUnit.DAYS.between(start, mark.date()) * 2 + (mark.session() == Session.AM ? 0 : 1), mark.code());
        }
        var text = new StringBuilder();
        long last = bySlot.lastKey();
        for (long slot = 0; slot <= last; slot++) {
            LocalDate date = start.plusDays(slot / 2);
            Session session = slot % 2 == 0 ? Session.AM : Session.PM;
            text.append(bySlot.getOrDefault(slot, open.test(date, session) ? CtfReader.NO_MARK : CtfReader.CLOSED));
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
