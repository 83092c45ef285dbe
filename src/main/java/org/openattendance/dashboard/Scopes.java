package org.openattendance.dashboard;

import java.util.List;
import java.util.Optional;

import org.openattendance.school.PupilRoll;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.Role;
import org.openattendance.security.ScopeDirectory;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The scopes a member of staff may see figures for, checked as everywhere: outside them a school or LA does not
 * exist for the caller (404). Schools: their own staff, the LA's officers and managers, administrators. An LA: its
 * officers and managers, administrators. The Virtual School: the LA's Virtual School Head, its officers and managers,
 * administrators. A caseload: the social worker's own.
 */
@Component
class Scopes {

    private final SchoolDirectory directory;
    private final ScopeDirectory names;
    private final AccessPolicy access;
    private final PupilRoll roll;
    private final java.time.Clock clock;

    Scopes(SchoolDirectory directory, ScopeDirectory names, AccessPolicy access, PupilRoll roll, java.time.Clock clock) {
        this.clock = clock;
        this.directory = directory;
        this.names = names;
        this.access = access;
        this.roll = roll;
    }

    java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    StaffUser user() {
        return access.currentUser();
    }

    /**
     * The scope a dashboard page's path is about, {@code key} being its URN or LA code: a school's (under
     * /dashboard/schools/), an LA's Virtual School, or an LA.
     */
    Scope ofPath(String uri, String key) {
        if (uri.startsWith("/dashboard/schools/")) {
            return school(key);
        }
        if (uri.contains("/virtual-school/")) {
            return virtualSchool(key);
        }
        return la(key);
    }

    Scope school(String urn) {
        School school = directory.visibleSchool(urn);
        return Scope.school(school.getUrn(), school.getName());
    }

    /** The school's LA, for comparison beside a school's figures (totals only, which anyone seeing the school may). */
    Scope laOf(String schoolUrn) {
        School school = directory.school(schoolUrn).orElseThrow();
        return Scope.la(school.getLaCode(), laName(school.getLaCode()), schoolsOf(school.getLaCode()));
    }

    Scope la(String code) {
        if (!canSeeLa(user(), code)) {
            throw new NotFoundException("No local authority " + code);
        }
        return Scope.la(code, laName(code), schoolsOf(code));
    }

    Scope virtualSchool(String code) {
        StaffUser user = user();
        boolean head = user.has(Role.VIRTUAL_SCHOOL_HEAD) && code.equals(user.laCode());
        if (!head && !canSeeLa(user, code)) {
            throw new NotFoundException("No virtual school of local authority " + code);
        }
        return Scope.virtualSchool(code, laName(code), schoolsOf(code));
    }

    /** The signed-in social worker's caseload; every pupil whose social worker they are. */
    Scope caseload() {
        StaffUser user = user();
        if (!user.has(Role.SOCIAL_WORKER)) {
            throw new NotFoundException("No caseload for " + user.username());
        }
        List<PupilRoll.Profile> pupils = roll.caseloadOf(user.username());
        return Scope.caseload(user.username(), pupils.stream().map(PupilRoll.Profile::schoolUrn).distinct().toList(),
                pupils.stream().map(PupilRoll.Profile::pupilId).toList());
    }

    /** The scope a user's own dashboard shows: their school, their LA, their virtual school; empty if none. */
    Optional<Scope> own() {
        StaffUser user = user();
        if (user.schools().size() == 1) {
            return Optional.of(school(user.schools().iterator().next()));
        }
        if (user.laCode() != null && (user.has(Role.LA_OFFICER) || user.has(Role.MANAGER))) {
            return Optional.of(la(user.laCode()));
        }
        if (user.laCode() != null && user.has(Role.VIRTUAL_SCHOOL_HEAD)) {
            return Optional.of(virtualSchool(user.laCode()));
        }
        return Optional.empty();
    }

    boolean canSeeLa(StaffUser user, String code) {
        if (!names.localAuthorityExists(code)) {
            return false;
        }
        return user.isAdmin() || ((user.has(Role.LA_OFFICER) || user.has(Role.MANAGER)) && code.equals(user.laCode()));
    }

    public String laName(String code) {
        return names.localAuthorityName(code).orElse("Local authority " + code);
    }

    /** A school's name; every school's name is read once per request (a page names many schools). */
    public String schoolName(String urn) {
        return schoolNames().getOrDefault(urn, "School " + urn);
    }

    private java.util.Map<String, String> schoolNames() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        @SuppressWarnings("unchecked")
        var cached = attributes == null ? null : (java.util.Map<String, String>) attributes.getAttribute(NAMES,
                org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        if (cached != null) {
            return cached;
        }
        var all = new java.util.HashMap<String, String>();
        directory.allSchools().forEach(school -> all.put(school.getUrn(), school.getName()));
        if (attributes != null) {
            attributes.setAttribute(NAMES, all, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        }
        return all;
    }

    private static final String NAMES = Scopes.class.getName() + ".schoolNames";

    List<String> schoolsOf(String laCode) {
        return directory.allSchools().stream().filter(s -> laCode.equals(s.getLaCode())).map(School::getUrn).toList();
    }
}
