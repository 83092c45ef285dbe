package org.openattendance.security;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In the production profile the application refuses to start with the demo profile, demo users or a default
 * password. The first administrator comes from OPENATTENDANCE_ADMIN_PASSWORD (at least 12 characters).
 */
@Component
@Profile("prod")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProductionSafetyCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductionSafetyCheck.class);
    static final List<String> DEFAULT_PASSWORDS = List.of("demo", "admin", "password", "changeme", "camunda");

    private final Environment environment;
    private final StaffUserStore users;
    private final PasswordEncoder passwords;
    private final UserAdministration administration;
    private final String initialAdminPassword;

    ProductionSafetyCheck(Environment environment, StaffUserStore users, PasswordEncoder passwords,
                          UserAdministration administration,
                          @Value("${OPENATTENDANCE_ADMIN_PASSWORD:}") String initialAdminPassword) {
        this.environment = environment;
        this.users = users;
        this.passwords = passwords;
        this.administration = administration;
        this.initialAdminPassword = initialAdminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            throw new IllegalStateException("The prod profile must not run with the demo profile: "
                    + "start with --spring.profiles.active=prod only");
        }
        if (users.usernames().isEmpty()) {
            createFirstAdministrator();
        }
        for (String hash : users.passwordHashes()) {
            for (String weak : DEFAULT_PASSWORDS) {
                if (passwords.matches(weak, hash)) {
                    throw new IllegalStateException("A user has a default password ('" + weak
                            + "'); demo users and default passwords are not allowed in production");
                }
            }
        }
    }

    private void createFirstAdministrator() {
        if (initialAdminPassword.isBlank()) {
            throw new IllegalStateException("No users yet: set OPENATTENDANCE_ADMIN_PASSWORD (12 characters or more) "
                    + "to create the first administrator, 'admin'");
        }
        if (DEFAULT_PASSWORDS.contains(initialAdminPassword.toLowerCase())) {
            throw new IllegalStateException("OPENATTENDANCE_ADMIN_PASSWORD is a default password");
        }
        administration.save(new UserAdministration.NewUser("admin", initialAdminPassword, "Administrator",
                Set.of(Role.ADMIN), Set.of(), null));
        log.info("Created the first administrator, 'admin'");
    }
}
