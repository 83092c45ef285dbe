package org.openattendance.security;

import org.springframework.stereotype.Component;

/**
 * People's names for pages that say who did something: staff read "Priya Shah", not the username she signs in with.
 * Anything that is not a user with a recorded name (a username without one, "system", a test's name) is shown as it
 * is.
 */
@Component("staffNames")
public class StaffNames {

    private final StaffUserStore users;

    StaffNames(StaffUserStore users) {
        this.users = users;
    }

    public String of(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return users.displayName(username).orElse(username);
    }
}
