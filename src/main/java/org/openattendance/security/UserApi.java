package org.openattendance.security;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserApi {

    /** The user as saved; the local authority and e-mail address are empty when the user has none. */
    record UserBody(String username, Set<Role> roles, Set<String> schools, String laCode, String email) {
    }

    record UserRequest(String username, String password, String displayName, Set<Role> roles, Set<String> schools,
                       String laCode, String email) {
    }

    private final UserAdministration administration;
    private final AccessPolicy access;
    private final AuditTrail audit;

    UserApi(UserAdministration administration, AccessPolicy access, AuditTrail audit) {
        this.administration = administration;
        this.access = access;
        this.audit = audit;
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserBody create(@RequestBody UserRequest request) {
        access.checkAdmin();
        StaffUser user = administration.save(new UserAdministration.NewUser(request.username(), request.password(),
                request.displayName(), request.roles(), request.schools(), request.laCode(), request.email()));
        audit.record(AuditTrail.Action.CHANGE_USERS, "user", user.username(), "roles " + user.rolesText());
        return new UserBody(user.username(), user.roles(), user.schools(), user.laCode() == null ? "" : user.laCode(),
                user.email() == null ? "" : user.email());
    }
}
