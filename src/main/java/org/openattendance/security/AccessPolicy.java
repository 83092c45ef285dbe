package org.openattendance.security;

import org.openattendance.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Decides what the signed-in user may see and change. Outside a caller's scope a school or pupil does not
 * exist for them: the checks throw {@link NotFoundException} (404), never reveal the data. Every refusal is in the
 * audit trail: an auditor wants most to know who tried to see what they may not.
 */
@Component
public class AccessPolicy {

    private final AuditTrail audit;

    AccessPolicy(AuditTrail audit) {
        this.audit = audit;
    }

    public StaffUser currentUser() {
        return SignedIn.user();
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
            audit.refused(AuditTrail.Action.READ_SCHOOL, "school", urn, null, "school outside their scope");
            throw new NotFoundException("No school with URN " + urn);
        }
    }

    /**
     * For a caller who asked for a pupil that does not exist: audited like a pupil outside their scope (both are
     * someone trying UPNs), and answered the same.
     */
    public NotFoundException noSuchPupil(String upn) {
        audit.refused(AuditTrail.Action.READ_PUPIL, "pupil", upn == null || upn.isBlank() ? "(none)" : upn.strip(),
                upn, "no such pupil");
        return new NotFoundException("No pupil with UPN " + upn);
    }

    public void checkPupilVisible(String upn, String urn, String laCode, String socialWorker) {
        checkPupilVisible(upn, urn, laCode, socialWorker, false);
    }

    public void checkPupilVisible(String upn, String urn, String laCode, String socialWorker, boolean lookedAfter) {
        if (!canSeePupil(currentUser(), urn, laCode, socialWorker, lookedAfter)) {
            audit.refused(AuditTrail.Action.READ_PUPIL, "pupil", upn, upn, "pupil outside their scope");
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
            audit.refused(AuditTrail.Action.CHANGE_PUPILS, "school", urn, null, "only the school's attendance staff may change its records");
            throw new AccessDeniedException("Only the school's attendance staff may change its records");
        }
    }

    public void checkAdmin() {
        if (!currentUser().isAdmin()) {
            audit.refused(AuditTrail.Action.ADMINISTER, "page", "admin", null, "only an administrator may do this");
            throw new AccessDeniedException("Only an administrator may do this");
        }
    }
}
