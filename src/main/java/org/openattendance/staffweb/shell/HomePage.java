package org.openattendance.staffweb.shell;

import java.util.List;

import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.AccessPolicy;
import org.openattendance.security.StaffUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff home page: the schools the signed-in user may see, with what they may do there. */
@Controller
class HomePage {

    /** One school as the home page lists it. */
    record SchoolRow(String urn, String name, String phase, boolean registerUpload) {
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
        List<SchoolRow> schools = directory.visibleSchools().stream()
                .map(school -> row(user, school))
                .toList();
        model.addAttribute("schools", schools);
        model.addAttribute("admin", user.isAdmin());
        return "home";
    }

    private SchoolRow row(StaffUser user, School school) {
        return new SchoolRow(school.getUrn(), school.getName(), Labels.phase(school.getPhase()),
                access.canChangeSchoolRecords(user, school.getUrn()));
    }
}
