package org.openattendance.school;

import java.util.List;
import java.util.Optional;

import org.openattendance.security.AccessPolicy;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds schools and pupils for the signed-in user, answering "not found" outside their scope. */
@Service
@Transactional(readOnly = true)
public class SchoolDirectory {

    private final SchoolRepository schools;
    private final PupilRepository pupils;
    private final AccessPolicy access;
    private final PupilRoll roll;

    SchoolDirectory(SchoolRepository schools, PupilRepository pupils, AccessPolicy access, PupilRoll roll) {
        this.roll = roll;
        this.schools = schools;
        this.pupils = pupils;
        this.access = access;
    }

    public School visibleSchool(String urn) {
        School school = schools.findById(urn).orElseThrow(() -> new NotFoundException("No school with URN " + urn));
        access.checkSchoolVisible(school.getUrn(), school.getLaCode());
        return school;
    }

    /** A school whose records (register, pupils) the signed-in user may change. */
    public School writableSchool(String urn) {
        School school = schools.findById(urn).orElseThrow(() -> new NotFoundException("No school with URN " + urn));
        access.checkSchoolRecordsWritable(school.getUrn(), school.getLaCode());
        return school;
    }

    public Pupil visiblePupil(String upn) {
        String normalised = upn == null ? "" : upn.trim().toUpperCase();
        Pupil pupil = pupils.findByUpn(normalised).orElseThrow(() -> access.noSuchPupil(upn));
        School school = schools.findById(pupil.getSchoolUrn()).orElseThrow();
        access.checkPupilVisible(pupil.getUpn(), school.getUrn(), school.getLaCode(), pupil.getSocialWorker(),
                pupil.getCohorts().contains(Cohort.LOOKED_AFTER));
        return pupil;
    }

    /** Pupils matching a name or UPN, only among those the signed-in user may see (as {@link AccessPolicy} decides). */
    public List<PupilRoll.PupilMatch> searchVisiblePupils(String text, int limit) {
        StaffUser user = access.currentUser();
        boolean laRole = user.has(Role.LA_OFFICER) || user.has(Role.MANAGER);
        var scope = new PupilRoll.SearchScope(user.isAdmin(), user.schools(), laRole ? user.laCode() : null,
                user.has(Role.SOCIAL_WORKER) ? user.username() : null,
                user.has(Role.VIRTUAL_SCHOOL_HEAD) ? user.laCode() : null);
        return roll.search(text, scope, limit);
    }

    public List<School> visibleSchools() {
        StaffUser user = access.currentUser();
        return schools.findAllByOrderByName().stream()
                .filter(s -> access.canSeeSchool(user, s.getUrn(), s.getLaCode())).toList();
    }

    /** For background work (no signed-in user): the pupils, unchecked. */
    public List<Pupil> pupilsByIds(List<Long> ids) {
        return pupils.findAllById(ids);
    }

    /** For background work (no signed-in user): the school, unchecked. */
    public Optional<School> school(String urn) {
        return schools.findById(urn);
    }

    /** For pages without a signed-in user: every school's URN and name (public information). */
    public List<School> allSchools() {
        return schools.findAllByOrderByName();
    }

    /**
     * For background work and a parent's request (no signed-in user): the pupil, unchecked. Callers must not tell
     * anyone without scope whether the pupil exists.
     */
    public Optional<Pupil> pupil(String upn) {
        return upn == null ? Optional.empty() : pupils.findByUpn(upn.trim().toUpperCase());
    }

    /**
     * For a parent identifying their child without signing in: the pupil at the school with this name (ignoring
     * case and surrounding spaces) and date of birth, if exactly one matches. Callers must answer the same
     * whether or not a pupil matched.
     */
    public Optional<Pupil> pupilByNameAndBirth(String urn, String forename, String surname, java.time.LocalDate dateOfBirth) {
        var found = pupils.findBySchoolUrnAndDateOfBirth(urn, dateOfBirth).stream()
                .filter(p -> p.getForename().strip().equalsIgnoreCase(forename.strip())
                        && p.getSurname().strip().equalsIgnoreCase(surname.strip())).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
