package org.openattendance.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The member of staff this request is signed in as. */
final class SignedIn {

    private SignedIn() {
    }

    static StaffUser user() {
        StaffUser user = userOrNull();
        if (user == null) {
            throw new AccessDeniedException("not signed in");
        }
        return user;
    }

    static StaffUser userOrNull() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffUser user ? user : null;
    }
}
