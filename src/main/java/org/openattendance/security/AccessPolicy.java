package org.openattendance.security;

import org.openattendance.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Decides what the signed-in user may see and change. Outside a caller's scope a school or pupil does not
 * exist for them: the checks throw {@link NotFoundException} (404), never reveal the data.
 */
@Component
public class AccessPolicy {

    public StaffUser currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffUser user) {
            return user;
        }
        throw new AccessDeniedException("not signed in");
    }

    public boolean canSeeSchool(StaffUser user, String urn, String laCode) {
        if (user.isAdmin() || user.schools().contains(urn)) {
            return true;
        }
        boolean laRole = user.has(Role.LA_OFFICER) || user.has(Role.MANAGER);
        return laRole && user.laCode() != null && user.laCode().equals(laCode);
    }

    public boolean canSeePupil(StaffUser user, String urn, String laCode, String socialWorker) {
        return canSeePupil(user, urn, laCode, socialWorker, false);
    }

    /** As above; a Virtual School Head also sees the looked-after pupils of schools in their LA. */
    public boolean canSeePupil(StaffUser user, String urn, String laCode, String socialWorker, boolean lookedAfter) {
        return canSeeSchool(user, urn, laCode)
                || (user.has(Role.SOCIAL_WORKER) && user.username().equals(socialWorker))
                || (lookedAfter && user.has(Role.VIRTUAL_SCHOOL_HEAD) && user.laCode() != null
                    && user.laCode().equals(laCode));
    }

    public void checkSchoolVisible(String urn, String laCode) {
        if (!canSeeSchool(currentUser(), urn, laCode)) {
            throw new NotFoundException("No school with URN " + urn);
        }
    }

    public void checkPupilVisible(String upn, String urn, String laCode, String socialWorker) {
        checkPupilVisible(upn, urn, laCode, socialWorker, false);
    }

    public void checkPupilVisible(String upn, String urn, String laCode, String socialWorker, boolean lookedAfter) {
        if (!canSeePupil(currentUser(), urn, laCode, socialWorker, lookedAfter)) {
            throw new NotFoundException("No pupil with UPN " + upn);
        }
    }

    /** Loading registers and pupil records is for the school's own staff (and admins). */
    public boolean canChangeSchoolRecords(StaffUser user, String urn) {
        boolean schoolStaff = user.schools().contains(urn)
                && (user.has(Role.ATTENDANCE_OFFICER) || user.has(Role.HEADTEACHER));
        return user.isAdmin() || schoolStaff;
    }

    /** Loading registers and pupil records is for the school's own staff (and admins). */
    public void checkSchoolRecordsWritable(String urn, String laCode) {
        StaffUser user = currentUser();
        checkSchoolVisible(urn, laCode);
        if (!canChangeSchoolRecords(user, urn)) {
            throw new AccessDeniedException("Only the school's attendance staff may change its records");
        }
    }

    public void checkAdmin() {
        if (!currentUser().isAdmin()) {
            throw new AccessDeniedException("Only an administrator may do this");
        }
    }
}
