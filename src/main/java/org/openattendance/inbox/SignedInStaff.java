package org.openattendance.inbox;

import java.util.ArrayList;
import java.util.List;

import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

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

    private final SchoolDirectory directory;

    SignedInStaff(SchoolDirectory directory) {
        this.directory = directory;
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

    private List<String> scope(StaffUser user) {
        var scope = new ArrayList<String>();
        if (user.isAdmin()) {
            scope.add("All schools");
        }
        user.schools().stream().sorted().forEach(urn -> scope.add(directory.school(urn)
                .map(School::getName).map(name -> name + " (" + urn + ")").orElse("School " + urn)));
        if (user.laCode() != null) {
            scope.add("Local authority " + user.laCode());
        }
        if (user.has(Role.SOCIAL_WORKER)) {
            scope.add("Pupils allocated to you");
        }
        return scope;
    }
}
