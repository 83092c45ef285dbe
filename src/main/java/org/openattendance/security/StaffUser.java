package org.openattendance.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in member of staff with their roles and scope: the schools they work for, or their LA.
 *
 * @param email where the system e-mails them notices of their tasks (may be null: then the task alone tells them)
 * @param securityStamp the users table's version of what this user may do (roles, scope, enabled, password) when this
 *                      record was read; a signed-in session whose stamp is no longer the table's ends (0: not read
 *                      from the table, nothing to compare)
 */
public record StaffUser(String username, String passwordHash, String displayName, Set<Role> roles,
                        Set<String> schools, String laCode, boolean enabled, String email, long securityStamp)
        implements UserDetails {

    public StaffUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        schools = Set.copyOf(schools);
    }

    /** A user as it is to be saved (its stamp is the table's business). */
    public StaffUser(String username, String passwordHash, String displayName, Set<Role> roles, Set<String> schools,
                     String laCode, boolean enabled, String email) {
        this(username, passwordHash, displayName, roles, schools, laCode, enabled, email, 0);
    }

    /** A user without an e-mail address. */
    public StaffUser(String username, String passwordHash, String displayName, Set<Role> roles, Set<String> schools,
                     String laCode, boolean enabled) {
        this(username, passwordHash, displayName, roles, schools, laCode, enabled, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** The Camunda group ids this user belongs to, used as task candidate groups. */
    public List<String> camundaGroups() {
        return CamundaGroups.of(this);
    }

    /** The role recorded against this user's changes, e.g. on a register amendment. */
    public String primaryRole() {
        return roles.stream().sorted().findFirst().map(Enum::name).orElse("NONE");
    }

    public String rolesText() {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
