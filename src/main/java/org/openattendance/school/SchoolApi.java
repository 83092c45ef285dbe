package org.openattendance.school;

import java.util.Arrays;
import java.util.List;

import org.openattendance.security.AccessPolicy;
import org.openattendance.security.AuditTrail;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SchoolApi {

    record SchoolBody(String urn, String name, String laCode, Phase phase, String registerClosesAt,
                      Integer youngestYearGroup, Integer finalYearGroup) {

        static SchoolBody of(School school) {
            return new SchoolBody(school.getUrn(), school.getName(), school.getLaCode(), school.getPhase(),
                    school.getRegisterClosesAt().toString(), school.getYoungestYearGroup(), school.getFinalYearGroup());
        }
    }

    /** What a saved calendar holds: its terms, its closures and the sessions the school is open. */
    record CalendarBody(String urn, String academicYear, int terms, int closures, long openSessions) {
    }

    /** A pupil taken off the roll, and whether the ground needs a return to the local authority. */
    record DeletionBody(String upn, String deletionDate, String ground, String regulation, boolean returnDue) {
    }

    record GroundBody(String ground, String regulation, String label, boolean returnDue) {
    }

    private final SchoolAdministration administration;
    private final SchoolDirectory directory;
    private final AccessPolicy access;
    private final AuditTrail audit;

    private final RollDeletions deletions;

    SchoolApi(SchoolAdministration administration, SchoolDirectory directory, AccessPolicy access, AuditTrail audit,
                     RollDeletions deletions) {
        this.deletions = deletions;
        this.administration = administration;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/api/schools")
    List<SchoolBody> schools() {
        return directory.visibleSchools().stream().map(SchoolBody::of).toList();
    }

    @PostMapping("/api/schools")
    @ResponseStatus(HttpStatus.CREATED)
    SchoolBody saveSchool(@RequestBody SchoolAdministration.SchoolData school) {
        access.checkAdmin();
        School saved = administration.saveSchool(school);
        audit.record(AuditTrail.Action.CHANGE_SCHOOL, "school", saved.getUrn(), "saved school");
        return SchoolBody.of(saved);
    }

    @PutMapping("/api/schools/{urn}/calendar/{academicYear}")
    CalendarBody saveCalendar(@PathVariable String urn, @PathVariable String academicYear,
                              @RequestBody SchoolAdministration.CalendarData calendar) {
        access.checkAdmin();
        School school = directory.visibleSchool(urn);
        AcademicYear year = parseYear(academicYear);
        SchoolCalendar saved = administration.saveCalendar(school.getUrn(), year, calendar);
        audit.record(AuditTrail.Action.CHANGE_SCHOOL, "school", urn, "calendar " + year);
        return new CalendarBody(urn, year.toString(), saved.terms().size(), saved.closures().size(),
                saved.openSessionKeys().size());
    }

    @PostMapping("/api/schools/{urn}/pupils")
    SchoolAdministration.PupilsSaved savePupils(@PathVariable String urn, @RequestBody List<SchoolAdministration.PupilData> pupils) {
        School school = directory.writableSchool(urn);
        var saved = administration.savePupils(school.getUrn(), pupils);
        audit.record(AuditTrail.Action.CHANGE_PUPILS, "school", urn,
                "pupils created " + saved.created() + ", updated " + saved.updated()
                        + (saved.socialWorkerKept().isEmpty() ? "" : ", social worker kept as allocated for "
                        + saved.socialWorkerKept().size()));
        return saved;
    }

    /** A pupil leaves the roll through the one deletion path: the ground is checked and the LA told. */
    @PostMapping("/api/pupils/{upn}/deletion")
    DeletionBody deleteFromRoll(@PathVariable String upn, @RequestBody DeletionRequest request) {
        Pupil pupil = deletions.delete(upn, request, RollDeletions.Channel.DELETION_API);
        DeletionGround ground = DeletionGround.parse(request.ground()).orElseThrow();
        return new DeletionBody(pupil.getUpn(), pupil.getDeletionDate().toString(), ground.name(), ground.regulation(),
                ground.needsReturn());
    }

    /** The grounds for deletion a school may name. */
    @GetMapping("/api/deletion-grounds")
    List<GroundBody> deletionGrounds() {
        return Arrays.stream(DeletionGround.values())
                .map(g -> new GroundBody(g.name(), g.regulation(), g.label(), g.needsReturn())).toList();
    }

    private static AcademicYear parseYear(String text) {
        try {
            return AcademicYear.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
