package org.openattendance.support;

import java.util.Set;

import org.openattendance.security.Role;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * MockMvc requests made as a user, loaded as the sign-in loads them (their roles, schools and LA from the users
 * table), so that a page test is checked against the same scope a signed-in user has.
 */
@Component
public class SignedIn {

    private final UserDetailsService users;
    private final Fixtures fixtures;

    SignedIn(UserDetailsService users, Fixtures fixtures) {
        this.users = users;
        this.fixtures = fixtures;
    }

    /** Requests as this existing user. */
    public RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    /** Requests as a new user with this role, these schools and this LA. */
    public RequestPostProcessor newUser(Role role, Set<String> schoolUrns, String laCode) {
        return as(fixtures.user(role, schoolUrns, laCode));
    }
}
