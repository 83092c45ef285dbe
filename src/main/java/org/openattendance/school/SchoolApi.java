package org.openattendance.school;

import java.util.List;
import java.util.Map;

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
    List<Map<String, Object>> schools() {
        return directory.visibleSchools().stream().map(SchoolApi::summary).toList();
    }

    @PostMapping("/api/schools")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> saveSchool(@RequestBody SchoolAdministration.SchoolData school) {
        access.checkAdmin();
        School saved = administration.saveSchool(school);
        audit.record(AuditTrail.Action.CHANGE_SCHOOL, "school", saved.getUrn(), "saved school");
        return summary(saved);
    }

    @PutMapping("/api/schools/{urn}/calendar/{academicYear}")
    Map<String, Object> saveCalendar(@PathVariable String urn, @PathVariable String academicYear,
                                     @RequestBody SchoolAdministration.CalendarData calendar) {
        access.checkAdmin();
        School school = directory.visibleSchool(urn);
        AcademicYear year = parseYear(academicYear);
        SchoolCalendar saved = administration.saveCalendar(school.getUrn(), year, calendar);
        audit.record(AuditTrail.Action.CHANGE_SCHOOL, "school", urn, "calendar " + year);
        long openSessions = saved.openSessionKeys().size();
        return Map.of("urn", urn, "academicYear", year.toString(), "terms", saved.terms().size(),
                "closures", saved.closures().size(), "openSessions", openSessions);
    }

    @PostMapping("/api/schools/{urn}/pupils")
    Map<String, Object> savePupils(@PathVariable String urn, @RequestBody List<SchoolAdministration.PupilData> pupils) {
        School school = directory.writableSchool(urn);
        var saved = administration.savePupils(school.getUrn(), pupils);
        audit.record(AuditTrail.Action.CHANGE_PUPILS, "school", urn,
                "pupils created " + saved.created() + ", updated " + saved.updated()
                        + (saved.socialWorkerKept().isEmpty() ? "" : ", social worker kept as allocated for "
                        + saved.socialWorkerKept().size()));
        return Map.of("created", saved.created(), "updated", saved.updated(), "socialWorkerKept", saved.socialWorkerKept());
    }

    /** A pupil leaves the roll through the one deletion path: the ground is checked and the LA told. */
    @PostMapping("/api/pupils/{upn}/deletion")
    Map<String, Object> deleteFromRoll(@PathVariable String upn, @RequestBody DeletionRequest request) {
        Pupil pupil = deletions.delete(upn, request, RollDeletions.Channel.DELETION_API);
        DeletionGround ground = DeletionGround.parse(request.ground()).orElseThrow();
        return Map.of("upn", pupil.getUpn(), "deletionDate", pupil.getDeletionDate().toString(),
                "ground", ground.name(), "regulation", ground.regulation(), "returnDue", ground.needsReturn());
    }

    /** The grounds for deletion a school may name. */
    @GetMapping("/api/deletion-grounds")
    List<Map<String, Object>> deletionGrounds() {
        return java.util.Arrays.stream(DeletionGround.values()).map(g -> Map.<String, Object>of("ground", g.name(),
                "regulation", g.regulation(), "label", g.label(), "returnDue", g.needsReturn())).toList();
    }

    private static AcademicYear parseYear(String text) {
        try {
            return AcademicYear.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private static Map<String, Object> summary(School school) {
        var summary = new java.util.LinkedHashMap<String, Object>();
        summary.put("urn", school.getUrn());
        summary.put("name", school.getName());
        summary.put("laCode", school.getLaCode());
        summary.put("phase", school.getPhase());
        summary.put("registerClosesAt", school.getRegisterClosesAt().toString());
        summary.put("youngestYearGroup", school.getYoungestYearGroup());
        summary.put("finalYearGroup", school.getFinalYearGroup());
        return summary;
    }
}
