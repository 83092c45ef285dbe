package org.openattendance.staffweb.shell;

import java.util.List;

import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff home page. Each person's own view: an LA officer's or LA manager's home is the LA's attendance dashboard,
 * a headteacher's or school manager's their school's, a social worker's their caseload, a Virtual School Head's the
 * LA's looked-after children; everyone else (attendance officers, administrators) sees the schools they may see, with
 * what they may do there. The list of schools stays at {@code /your-schools} for everyone (the LA's people reach
 * their schools' dashboards and registers from it).
 */
@Controller
class HomePage {

    /** One school as the home page lists it. */
    record SchoolRow(String urn, String name, String phase, boolean registerUpload, boolean dashboard) {
    }

    private final SchoolDirectory directory;
    private final AccessPolicy access;

    HomePage(SchoolDirectory directory, AccessPolicy access) {
        this.directory = directory;
        this.access = access;
    }

    @GetMapping("/")
    String home(Model model) {
        StaffUser user = access.currentUser();
        String own = ownView(user);
        if (own != null) {
            return "redirect:" + own;
        }
        return schools(model);
    }

    /** The schools the signed-in person may see: the home page of those without a view of their own. */
    @GetMapping(SCHOOLS)
    String schools(Model model) {
        StaffUser user = access.currentUser();
        List<SchoolRow> schools = directory.visibleSchools().stream()
                .map(school -> row(user, school))
                .toList();
        model.addAttribute("schools", schools);
        model.addAttribute("admin", user.isAdmin());
        model.addAttribute("laDashboard", laRole(user) && user.laCode() != null ? "/dashboard/las/" + user.laCode() : null);
        return "home";
    }

    static final String SCHOOLS = "/your-schools";

    /** Where a person's own view lives, or null when their home is the list of their schools. */
    static String ownView(StaffUser user) {
        if (laRole(user) && !user.isAdmin()) {
            return "/dashboard/las/" + user.laCode();
        }
        boolean laWide = laRole(user) || user.isAdmin() || user.has(Role.ATTENDANCE_OFFICER);
        if (laWide) {
            return null;
        }
        if ((user.has(Role.HEADTEACHER) || user.has(Role.MANAGER)) && user.schools().size() == 1) {
            return "/dashboard";
        }
        if (user.schools().isEmpty() && user.has(Role.VIRTUAL_SCHOOL_HEAD) && user.laCode() != null) {
            return "/dashboard/las/" + user.laCode() + "/virtual-school/children";
        }
        if (user.schools().isEmpty() && user.has(Role.SOCIAL_WORKER)) {
            return "/caseload";
        }
        return null;
    }

    static boolean laRole(StaffUser user) {
        return user.laCode() != null && (user.has(Role.LA_OFFICER) || user.has(Role.MANAGER));
    }

    private SchoolRow row(StaffUser user, School school) {
        return new SchoolRow(school.getUrn(), school.getName(), Labels.phase(school.getPhase()),
                access.canChangeSchoolRecords(user, school.getUrn()), !user.has(Role.SOCIAL_WORKER) || user.isAdmin());
    }
}
