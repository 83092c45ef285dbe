package org.openattendance.staffweb.shell;

import org.openattendance.security.AccessPolicy;
import org.openattendance.security.StaffUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The way into the admin pages: users, letter templates, the mail outbox and Camunda's own webapps for
 * administrators; an LA officer sees only their LA's letter templates. The pages themselves live in the modules
 * whose data they show (security, notification).
 */
@Controller
class AdminPage {

    private final AccessPolicy access;
    private final Environment environment;

    AdminPage(AccessPolicy access, Environment environment) {
        this.access = access;
        this.environment = environment;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        StaffUser user = access.currentUser();
        if (!user.isAdmin() && !SignedInStaff.letterEditor(user)) {
            throw new AccessDeniedException("Only administrators and LA officers have admin pages");
        }
        model.addAttribute("admin", user.isAdmin());
        model.addAttribute("demoMail", environment.acceptsProfiles(Profiles.of("demo")));
        return "admin";
    }
}
