package org.openattendance.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openattendance.register.OtherSettingMarks;
import org.openattendance.register.RegisterQueries;
import org.openattendance.school.Cohort;
import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.ParentData;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.Upn;
import org.openattendance.shared.web.UploadTooLargeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a Common Transfer File for pupils joining a school. Each pupil is taken whole or not at all: the details,
 * contacts and cohort flags (SEN support, EHCP, looked after) go through the school's own pupil checks, the session
 * marks from the previous setting are kept as marks from another setting (before the admission date only) with the
 * code table of their date. What cannot be taken is reported like a register upload: which pupil, what, why. A file
 * that cannot be read as a whole (not XML, a DTD, not a CTF, addressed to another school, too large) stores nothing.
 */
@Service
public class CtfImport {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    /** Marks that say only that there was no session: not kept. */
    private static final Set<String> NOT_SESSIONS = Set.of("#", "Z");

    /** A part of the file not taken: the pupil (UPN and name), what, and why. */
    public record Rejected(String upn, String pupil, String what, String why) {
    }

    public record Result(String version, String sourceSchool, int pupilsCreated, int pupilsUpdated, int marksStored,
                         int marksUnchanged, List<Rejected> rejected, long maxBytes) {
    }

    private final SchoolAdministration administration;
    private final SchoolDirectory directory;
    private final OtherSettingMarks otherSettings;
    private final RegisterQueries register;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long maxBytes;

    CtfImport(SchoolAdministration administration, SchoolDirectory directory, OtherSettingMarks otherSettings,
              RegisterQueries register, AccessPolicy access, AuditTrail audit, JdbcTemplate jdbc, Clock clock,
              @Value("${openattendance.transfer.max-upload-bytes:5242880}") long maxBytes) {
        this.administration = administration;
        this.directory = directory;
        this.otherSettings = otherSettings;
        this.register = register;
        this.access = access;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** @param admissionDate the first day at this school of the pupils new to it (today when null) */
    @Transactional
    public Result importFile(String urn, byte[] xml, LocalDate admissionDate) {
        School school = directory.writableSchool(urn);
        if (xml.length > maxBytes) {
            throw new UploadTooLargeException(maxBytes);
        }
        if (xml.length == 0) {
            throw new InvalidInputException("The file is empty. Nothing was imported.");
        }
        CtfFile file = CtfReader.read(CtfXml.parse(xml));
        checkAddressedTo(school, file.header().destination());
        if (file.pupils().isEmpty()) {
            throw new InvalidInputException("The file holds no pupils. Nothing was imported.");
        }
        LocalDate joined = admissionDate != null ? admissionDate : LocalDate.now(clock);
        String setting = file.header().source().describe();
        var rejected = new ArrayList<Rejected>();
        var accepted = new ArrayList<CtfFile.Pupil>();
        var data = new ArrayList<PupilData>();
        for (CtfFile.Pupil pupil : file.pupils()) {
            if (!pupil.problems().isEmpty()) {
                pupil.problems().forEach(p -> rejected.add(reject(pupil, "the pupil", p)));
                continue;
            }
            String upnProblem = Upn.problemWith(pupil.upn() == null ? null : pupil.upn().trim().toUpperCase(Locale.ROOT));
            if (upnProblem != null) {
                rejected.add(reject(pupil, "the pupil", "UPN: " + upnProblem));
                continue;
            }
            PupilData candidate = pupilData(pupil, joined, rejected);
            var problems = administration.problemsWith(school.getUrn(), List.of(candidate));
            if (!problems.isEmpty()) {
                problems.forEach(p -> rejected.add(reject(pupil, "the pupil", plain(p.where()) + p.message())));
                continue;
            }
            if (data.stream().anyMatch(d -> d.upn().equals(candidate.upn()))) {
                rejected.add(reject(pupil, "the pupil", "the file has this UPN twice; the first was taken"));
                continue;
            }
            accepted.add(pupil);
            data.add(candidate);
        }
        var saved = data.isEmpty() ? new SchoolAdministration.PupilsSaved(0, 0)
                : administration.savePupils(school.getUrn(), data);
        int stored = 0;
        int unchanged = 0;
        CtfFile.School source = file.header().source();
        String by = access.currentUser().username();
        for (int i = 0; i < accepted.size(); i++) {
            CtfFile.Pupil pupil = accepted.get(i);
            Pupil saved1 = directory.pupil(data.get(i).upn()).orElseThrow();
            var marksBySetting = new LinkedHashMap<String, List<OtherSettingMarks.Mark>>();
            unchanged += sortMarks(pupil, saved1, source, marksBySetting, rejected);
            for (var marks : marksBySetting.entrySet()) {
                var result = otherSettings.record(school.getUrn(), saved1.getId(), marks.getKey(), marks.getValue(), by);
                stored += result.stored();
                unchanged += result.unchanged();
                result.conflicts().forEach(c -> rejected.add(reject(pupil, "the mark of "
                        + c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 2))));
            }
        }
        jdbc.update("""
                insert into ctf_import (school_urn, source_la, source_estab, source_school, destination_la,
                  destination_estab, ctf_version, file_date, pupils, marks, rejected, imported_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", school.getUrn(), cut(file.header().source().la(), 3),
                cut(file.header().source().estab(), 4), cut(setting, 200), cut(file.header().destination().la(), 3),
                cut(file.header().destination().estab(), 4), cut(file.header().version(), 20),
                cut(file.header().dateTime(), 30), accepted.size(), stored, rejected.size(), by);
        audit.record(AuditTrail.Action.CHANGE_PUPILS, "school", school.getUrn(), "Common Transfer File from " + setting
                + ": pupils created " + saved.created() + ", updated " + saved.updated() + ", marks from another setting "
                + stored + ", rejected " + rejected.size());
        return new Result(file.header().version(), setting, saved.created(), saved.updated(), stored, unchanged,
                rejected, maxBytes);
    }

    /**
     * A file for a school names it in {@code DestSchool} by its LA and establishment number (and URN since CTF 18). A
     * file for an unknown destination ({@code XXX}/{@code XXXX}) or a missing pupil ({@code MMM}/{@code MMMM}) may be
     * taken by any school; one naming another URN or another LA is refused whole.
     */
    private static void checkAddressedTo(School school, CtfFile.School destination) {
        if (destination.urn() != null && !destination.urn().equals(school.getUrn())) {
            throw new InvalidInputException("The file is addressed to the school with URN " + destination.urn()
                    + ", not to " + school.getName() + " (URN " + school.getUrn() + "). Nothing was imported.");
        }
        String la = destination.la();
        if (destination.urn() == null && la != null && !Set.of("XXX", "MMM").contains(la.toUpperCase(Locale.ROOT))
                && !la.equals(school.getLaCode())) {
            throw new InvalidInputException("The file is addressed to a school in local authority " + la + " (DfE number "
                    + la + (destination.estab() == null ? "" : "/" + destination.estab()) + "), not to "
                    + school.getName() + " in local authority " + school.getLaCode() + ". Nothing was imported.");
        }
    }

    /**
     * Sorts the file's marks: before the pupil joined, into marks from another setting (checked against the code
     * table of their date), by the school the file names for each year (the source school when it names none); on or
     * after, they must match this school's own register (a file imported again). Answers how many matched the register.
     */
    private int sortMarks(CtfFile.Pupil pupil, Pupil saved, CtfFile.School source,
                          Map<String, List<OtherSettingMarks.Mark>> into, List<Rejected> rejected) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> ownRegister = new HashMap<>();
        register.marksOf(saved.getId(), saved.getAdmissionDate(), today)
                .forEach(m -> ownRegister.put(m.date() + m.session().name(), m.code()));
        int matched = 0;
        for (CtfFile.Attendance year : pupil.attendance()) {
            String settingName = settingOf(year.setting(), source);
            for (CtfFile.SessionMark mark : year.marks()) {
                if (NOT_SESSIONS.contains(mark.code())) {
                    continue;
                }
                String what = "the mark of " + LONG_DATE.format(mark.date()) + " " + mark.session();
                if (mark.date().isAfter(today)) {
                    rejected.add(reject(pupil, what, "is in the future"));
                } else if (!mark.date().isBefore(saved.getAdmissionDate())) {
                    String own = ownRegister.get(mark.date() + mark.session().name());
                    if (mark.code().equals(own)) {
                        matched++;
                    } else {
                        rejected.add(reject(pupil, what, "is on or after the pupil joined this school ("
                                + LONG_DATE.format(saved.getAdmissionDate()) + "); this school's own register "
                                + (own == null ? "has no mark then" : "has '" + own + "'") + ", and a transfer file"
                                + " never changes it"));
                    }
                } else {
                    var problem = otherSettings.problemWith(mark.date(), mark.code());
                    if (problem.isPresent()) {
                        rejected.add(reject(pupil, what, problem.get()));
                    } else {
                        into.computeIfAbsent(settingName, k -> new ArrayList<>()).add(new OtherSettingMarks.Mark(
                                mark.date(), mark.session(), mark.code(), OtherSettingMarks.codeSetOn(mark.date())));
                    }
                }
            }
        }
        return matched;
    }

    /** The school a year's marks were recorded at: the source school unless the year names another. */
    private static String settingOf(CtfFile.School year, CtfFile.School source) {
        boolean named = year != null && (year.name() != null || year.la() != null && year.estab() != null);
        boolean sameAsSource = named && (year.name() != null && year.name().equalsIgnoreCase(source.name())
                || year.la() != null && year.la().equals(source.la()) && year.estab() != null
                && year.estab().equals(source.estab()));
        return named && !sameAsSource ? year.describe() : source.describe();
    }

    private PupilData pupilData(CtfFile.Pupil pupil, LocalDate joined, List<Rejected> rejected) {
        String upn = pupil.upn().trim().toUpperCase(Locale.ROOT);
        var existing = directory.pupil(upn).filter(p -> p.getDeletionDate() == null || !p.getDeletionDate().isBefore(joined));
        Set<Cohort> cohorts = EnumSet.noneOf(Cohort.class);
        existing.ifPresent(p -> cohorts.addAll(p.getCohorts()));
        cohorts.removeAll(Set.of(Cohort.SEN_SUPPORT, Cohort.EHCP, Cohort.LOOKED_AFTER));
        if ("E".equalsIgnoreCase(pupil.senProvision())) {
            cohorts.add(Cohort.EHCP);
        } else if ("K".equalsIgnoreCase(pupil.senProvision())) {
            cohorts.add(Cohort.SEN_SUPPORT);
        }
        if (pupil.lookedAfter()) {
            cohorts.add(Cohort.LOOKED_AFTER);
        }
        var parents = new ArrayList<ParentData>();
        int order = 0;
        for (CtfFile.Contact contact : pupil.contacts()) {
            order++;
            String name = String.join(" ", java.util.stream.Stream.of(contact.forename(), contact.surname())
                    .filter(s -> s != null && !s.isBlank()).toList());
            if (name.isBlank()) {
                rejected.add(reject(pupil, "contact " + order, "has no name; not taken"));
                continue;
            }
            parents.add(new ParentData(name, contact.relationship() == null ? "Contact" : contact.relationship(),
                    contact.responsibility(), contact.livesWithPupil(), validEmail(contact.email()), contact.phone(),
                    contact.address()));
        }
        return new PupilData(upn, pupil.forename(), pupil.surname(), pupil.dateOfBirth(), pupil.yearGroup(),
                existing.map(Pupil::getAdmissionDate).orElse(joined), cohorts,
                existing.map(Pupil::getSocialWorker).orElse(null), parents);
    }

    private static String validEmail(String email) {
        return email != null && email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? email : null;
    }

    private static Rejected reject(CtfFile.Pupil pupil, String what, String why) {
        String name = pupil.name().isBlank() ? "pupil " + pupil.position() + " in the file" : pupil.name();
        return new Rejected(pupil.upn(), name, what, why);
    }

    /** A problem's field (e.g. the date of birth of the first pupil) as the page says it. */
    private static String plain(String where) {
        String field = where.replaceFirst("^\\[\\d+]\\.?", "");
        return switch (field) {
            case "" -> "";
            case "upn" -> "UPN: ";
            case "forename" -> "forename: ";
            case "surname" -> "surname: ";
            case "dateOfBirth" -> "date of birth: ";
            case "yearGroup" -> "year group (NCyearActual): ";
            case "admissionDate" -> "date joining: ";
            default -> field.replaceAll("parents\\[(\\d+)]", "contact $1") + ": ";
        };
    }

    private static String cut(String text, int max) {
        return text == null ? null : text.length() <= max ? text : text.substring(0, max);
    }
}
