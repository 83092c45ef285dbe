package org.openattendance.security;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Keeps a Camunda user for each application user, so Camunda's webapps (which look the signed-in user up in
 * Camunda's own identity store) and task histories know them by name. The password is random: nobody signs in
 * through Camunda; Spring Security does that and hands the user over. Groups are not copied: they are worked out
 * from roles and scopes at each request (see CamundaGroups).
 */
@Component
class CamundaIdentity {

    private final IdentityService identity;

    CamundaIdentity(IdentityService identity) {
        this.identity = identity;
    }

    void register(StaffUser user) {
        User camundaUser = identity.createUserQuery().userId(user.username()).singleResult();
        if (camundaUser == null) {
            camundaUser = identity.newUser(user.username());
            camundaUser.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
        }
        String name = user.displayName() == null ? user.username() : user.displayName();
        int space = name.lastIndexOf(' ');
        camundaUser.setFirstName(space > 0 ? name.substring(0, space) : name);
        camundaUser.setLastName(space > 0 ? name.substring(space + 1) : "");
        identity.saveUser(camundaUser);
        keepAdministratorMembership(user);
    }

    /** Camunda's webapps ask for a first administrator until some user is in the camunda-admin group. */
    private void keepAdministratorMembership(StaffUser user) {
        if (identity.createGroupQuery().groupId(CamundaGroups.ADMINS).singleResult() == null) {
            Group admins = identity.newGroup(CamundaGroups.ADMINS);
            admins.setName("Administrators");
            admins.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(admins);
        }
        boolean member = identity.createUserQuery().userId(user.username()).memberOfGroup(CamundaGroups.ADMINS).count() > 0;
        if (user.isAdmin() && !member) {
            identity.createMembership(user.username(), CamundaGroups.ADMINS);
        } else if (!user.isAdmin() && member) {
            identity.deleteMembership(user.username(), CamundaGroups.ADMINS);
        }
    }
}
