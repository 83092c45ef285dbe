package org.openattendance.legal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.openattendance.school.Pupil;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and change legal records: whoever may see the pupil sees the pupil's records (404 otherwise); only
 * the LA's attendance officers record payments, withdraw notices and decide; only the school's staff send
 * requests. The LA's register shows an LA role the whole LA, and school staff their own schools in it.
 */
@Component
class LegalAccess {

    /** What part of an LA's register the caller may see: every school (null), or these schools only. */
    record RegisterScope(String laCode, Set<String> schools) {
    }

    private final AccessPolicy access;
    private final SchoolDirectory directory;

    LegalAccess(AccessPolicy access, SchoolDirectory directory) {
        this.access = access;
        this.directory = directory;
    }

    StaffUser user() {
        return access.currentUser();
    }

    /** The pupil if the caller may see them; otherwise 404. */
    Pupil visiblePupil(String upn) {
        return directory.visiblePupil(upn);
    }

    /** The notice if the caller may see its pupil; otherwise it does not exist for them (404). */
    PenaltyNotice visible(PenaltyNotice notice) {
        try {
            directory.visiblePupil(notice.upn());
        } catch (NotFoundException e) {
            throw new NotFoundException("No penalty notice " + notice.number());
        }
        return notice;
    }

    /** Payments, withdrawals and decisions are for the attendance officers of the notice's LA. */
    void checkLaOfficer(String laCode) {
        StaffUser user = access.currentUser();
        if (!user.has(Role.LA_OFFICER) || !laCode.equals(user.laCode())) {
            throw new AccessDeniedException("Only the local authority's attendance officers may do this");
        }
    }

    /** Requests are sent by the pupil's school's attendance staff and headteacher. */
    void checkSchoolStaff(Pupil pupil) {
        if (!isSchoolStaff(pupil)) {
            throw new AccessDeniedException("Only the school's attendance staff may ask for a penalty notice");
        }
    }

    /** Whether the caller is the pupil's school's attendance staff (who send requests). */
    boolean isSchoolStaff(Pupil pupil) {
        StaffUser user = access.currentUser();
        return user.schools().contains(pupil.getSchoolUrn())
                && (user.has(Role.ATTENDANCE_OFFICER) || user.has(Role.HEADTEACHER));
    }

    /**
     * Whether the caller may have the pupil's evidence pack: the pupil's school (its staff) and the LA (its officers and
     * managers) and administrators; not social workers or the Virtual School, who see the pupil for other reasons.
     */
    boolean mayHaveEvidencePack(Pupil pupil) {
        StaffUser user = access.currentUser();
        if (user.isAdmin() || user.schools().contains(pupil.getSchoolUrn())) {
            return true;
        }
        String laCode = directory.school(pupil.getSchoolUrn()).map(School::getLaCode).orElse(null);
        return (user.has(Role.LA_OFFICER) || user.has(Role.MANAGER)) && laCode != null && laCode.equals(user.laCode());
    }

    /** The caller's part of the LA's register; 404 when they may see none of the LA's schools. */
    RegisterScope registerScope(String laCode) {
        StaffUser user = access.currentUser();
        boolean wholeLa = user.isAdmin() || ((user.has(Role.LA_OFFICER) || user.has(Role.MANAGER))
                && laCode.equals(user.laCode()));
        if (wholeLa) {
            if (user.isAdmin() && directory.allSchools().stream().noneMatch(s -> s.getLaCode().equals(laCode))) {
                throw new NotFoundException("No local authority " + laCode);
            }
            return new RegisterScope(laCode, null);
        }
        List<School> visible = directory.visibleSchools().stream().filter(s -> s.getLaCode().equals(laCode)).toList();
        if (visible.isEmpty()) {
            throw new NotFoundException("No local authority " + laCode);
        }
        return new RegisterScope(laCode, visible.stream().map(School::getUrn).collect(Collectors.toSet()));
    }
}
