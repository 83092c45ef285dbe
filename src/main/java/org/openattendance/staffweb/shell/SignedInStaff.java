package org.openattendance.staffweb.shell;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.Role;
import org.openattendance.security.ScopeDirectory;
import org.openattendance.security.StaffUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is signed in, as the page header shows it: name, roles and scope. Called from layout.html as
 * {@code @signedInStaff.current()}, so only pages that render the layout pay for it (not the JSON API).
 */
@Component("signedInStaff")
public class SignedInStaff {

    /** The header's view of the signed-in user. */
    public record Summary(String name, String username, List<String> roles, List<String> scope) {

        public String rolesText() {
            return String.join(", ", roles);
        }

        public String scopeText() {
            return String.join(", ", scope);
        }
    }

    /**
     * One link of the service navigation.
     *
     * @param ariaCurrent "page" on the page the link goes to, "true" elsewhere in its section, otherwise null
     */
    public record NavLink(String id, String label, String href, String ariaCurrent) {

        public boolean current() {
            return ariaCurrent != null;
        }
    }

    private final SchoolDirectory directory;
    private final ScopeDirectory scopes;

    SignedInStaff(SchoolDirectory directory, ScopeDirectory scopes) {
        this.directory = directory;
        this.scopes = scopes;
    }

    /** The signed-in member of staff, or null on pages seen before signing in. */
    public Summary current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffUser user)) {
            return null;
        }
        String name = user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
        List<String> roles = user.roles().stream().sorted().map(Labels::role).toList();
        return new Summary(name, user.username(), roles, scope(user));
    }

    /** A Virtual School Head with no other LA-wide role sees only the LA's looked-after children. */
    private static boolean onlyLookedAfter(StaffUser user) {
        return user.has(Role.VIRTUAL_SCHOOL_HEAD) && !user.has(Role.LA_OFFICER) && !user.has(Role.MANAGER);
    }

    private List<String> scope(StaffUser user) {
        var scope = new ArrayList<String>();
        if (user.isAdmin()) {
            scope.add("All schools");
        }
        user.schools().stream().sorted().forEach(urn -> scope.add(directory.school(urn)
                .map(School::getName).map(name -> name + " (" + urn + ")").orElse("School " + urn)));
        if (user.laCode() != null) {
            String la = scopes.localAuthorityName(user.laCode()).orElse("Local authority " + user.laCode());
            scope.add(onlyLookedAfter(user) ? "Looked-after children of " + la : la);
        }
        if (user.has(Role.SOCIAL_WORKER)) {
            scope.add("Your caseload");
        }
        return scope;
    }

    /** The service navigation for the signed-in user's roles, the current page marked; empty before signing in. */
    public List<NavLink> navigation() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffUser user)) {
            return List.of();
        }
        String path = currentPath();
        var links = new ArrayList<NavLink>();
        if (HomePage.ownView(user) == null) {
            links.add(link("nav-home", "Your schools", "/", path, path.equals("/") || path.equals(HomePage.SCHOOLS)));
        } else if (HomePage.laRole(user)) {
            // The LA's people land on the LA dashboard; their schools are one link away.
            links.add(link("nav-home", "Your schools", HomePage.SCHOOLS, path, path.equals(HomePage.SCHOOLS)));
        }
        if (user.isAdmin() || user.has(Role.HEADTEACHER) || user.has(Role.MANAGER) || user.has(Role.LA_OFFICER)
                || user.has(Role.VIRTUAL_SCHOOL_HEAD)) {
            links.add(link("nav-dashboard", "Dashboard", "/dashboard", path, path.startsWith("/dashboard")));
        }
        if (user.has(Role.SOCIAL_WORKER)) {
            links.add(link("nav-caseload", "Your caseload", "/caseload", path, path.startsWith("/caseload")));
        }
        links.add(link("nav-inbox", "Your tasks", "/inbox", path, path.startsWith("/inbox") || path.startsWith("/tasks/")));
        links.add(link("nav-pupils", "Pupils", "/pupils", path, path.startsWith("/pupils")
                || (path.startsWith("/schools/") && !isUpload(path))));
        if (registerUploader(user)) {
            String href = user.schools().size() == 1
                    ? "/schools/" + user.schools().iterator().next() + "/register/upload" : "/";
            links.add(link("nav-upload", "Upload register", href, path, isUpload(path)));
        }
        if (user.isAdmin() || laRole(user) || !user.schools().isEmpty()) {
            links.add(link("nav-returns", "Returns", "/returns", path, path.startsWith("/returns")));
        }
        if (user.isAdmin() || laRole(user)) {
            links.add(link("nav-cme", "Missing education", "/missing-education", path,
                    path.startsWith("/missing-education")));
        }
        if (user.isAdmin() || letterEditor(user)) {
            links.add(link("nav-admin", "Admin", "/admin", path, path.equals("/admin") || path.startsWith("/admin/")));
        }
        if (user.isAdmin()) {
            links.add(new NavLink("nav-camunda", "Camunda Cockpit", "/camunda/app/cockpit/default/", null));
        }
        return links;
    }

    /** Mirrors the letter template API: LA officers edit their own LA's letters. */
    static boolean letterEditor(StaffUser user) {
        return user.has(Role.LA_OFFICER) && user.laCode() != null;
    }

    /** LA officers and managers keep the LA's registers (returns, children missing education). */
    private static boolean laRole(StaffUser user) {
        return (user.has(Role.LA_OFFICER) || user.has(Role.MANAGER)) && user.laCode() != null;
    }

    private static boolean registerUploader(StaffUser user) {
        return !user.schools().isEmpty() && (user.has(Role.ATTENDANCE_OFFICER) || user.has(Role.HEADTEACHER));
    }

    private static boolean isUpload(String path) {
        return path.startsWith("/schools/") && path.endsWith("/register/upload");
    }

    private static NavLink link(String id, String label, String href, String path, boolean inSection) {
        String ariaCurrent = !inSection ? null : path.equals(href) ? "page" : "true";
        return new NavLink(id, label, href, ariaCurrent);
    }

    private static String currentPath() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            String uri = original instanceof String errorUri ? errorUri : request.getRequestURI();
            return uri.substring(request.getContextPath().length());
        }
        return "";
    }
}
