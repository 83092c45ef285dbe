package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The prod profile refuses to start with demo users, default passwords or the demo profile. */
class ProductionSafetyCheckTest {

    final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(4);
    final StaffUserStore users = mock(StaffUserStore.class);
    final UserAdministration administration = mock(UserAdministration.class);

    @Test
    void refusesToRunTogetherWithTheDemoProfile() {
        var environment = new MockEnvironment();
        environment.setActiveProfiles("prod", "demo");

        assertThatThrownBy(() -> check(environment, "").run(null)).hasMessageContaining("demo profile");
    }

    @Test
    void refusesAUserWhosePasswordIsDemo() {
        when(users.usernames()).thenReturn(List.of("admin", "officer.oak"));
        when(users.passwordHashes()).thenReturn(List.of(passwords.encode("a-long-good-password"), passwords.encode("demo")));

        assertThatThrownBy(() -> check(prod(), "").run(null)).hasMessageContaining("default password ('demo')");
    }

    @Test
    void needsAnInitialAdministratorPasswordWhenThereAreNoUsers() {
        when(users.usernames()).thenReturn(List.of());

        assertThatThrownBy(() -> check(prod(), "").run(null)).hasMessageContaining("OPENATTENDANCE_ADMIN_PASSWORD");
        assertThatThrownBy(() -> check(prod(), "demo").run(null)).hasMessageContaining("default password");
    }

    @Test
    void startsWithStrongPasswords() {
        when(users.usernames()).thenReturn(List.of("admin"));
        when(users.passwordHashes()).thenReturn(List.of(passwords.encode("a-long-good-password")));

        assertThatCode(() -> check(prod(), "").run(null)).doesNotThrowAnyException();
    }

    private static MockEnvironment prod() {
        var environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        return environment;
    }

    private ProductionSafetyCheck check(MockEnvironment environment, String initialPassword) {
        return new ProductionSafetyCheck(environment, users, passwords, administration, initialPassword);
    }
}
