package org.openattendance.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;
import org.openattendance.shared.NotFoundException;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and updates staff users, checking that their roles and scope make sense. */
@Service
public class UserAdministration {

    /** @param email optional; where notices of the user's tasks are e-mailed */
    public record NewUser(String username, String password, String displayName, Set<Role> roles,
                          Set<String> schools, String laCode, String email) {

        /** A user without an e-mail address. */
        public NewUser(String username, String password, String displayName, Set<Role> roles, Set<String> schools,
                       String laCode) {
            this(username, password, displayName, roles, schools, laCode, null);
        }
    }

    /** Deliberately simple: one @, no spaces, a dot in the domain; the mail server has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    /** What an administrator may change about an existing user, apart from the password and whether it is enabled. */
    public record UserChange(String displayName, Set<Role> roles, Set<String> schools, String laCode, String email) {

        /** A change that keeps the user's e-mail address. */
        public UserChange(String displayName, Set<Role> roles, Set<String> schools, String laCode) {
            this(displayName, roles, schools, laCode, null);
        }
    }

    static final int MIN_PASSWORD_LENGTH = 12;
    /** BCrypt reads no more than 72 bytes; Spring Security refuses longer passwords rather than cut them. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_DISPLAY_NAME_LENGTH = 200;

    private final StaffUserStore users;
    private final PasswordEncoder passwords;
    private final ScopeDirectory scopes;
    private final CamundaIdentity camunda;
    private final Environment environment;

    UserAdministration(StaffUserStore users, PasswordEncoder passwords, ScopeDirectory scopes, CamundaIdentity camunda,
                       Environment environment) {
        this.environment = environment;
        this.users = users;
        this.passwords = passwords;
        this.scopes = scopes;
        this.camunda = camunda;
    }

    /** Creates or replaces a user, with a password of at least 12 characters. */
    @Transactional
    public StaffUser save(NewUser user) {
        List<Problem> problems = problemsWith(user);
        problems.addAll(passwordProblems(user.password()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The user cannot be saved", problems);
        }
        return saveUnchecked(user);
    }

    /** Creates a user; unlike {@link #save} it never replaces one whose username is taken. */
    @Transactional
    public StaffUser create(NewUser user) {
        List<Problem> problems = problemsWith(user);
        if (user.username() != null && users.find(user.username().trim()).isPresent()) {
            problems.add(new Problem("username", "is already taken by another user"));
        }
        problems.addAll(passwordProblems(user.password()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The user cannot be saved", problems);
        }
        return saveUnchecked(user);
    }

    /** Changes a user's name, roles and scope; the password and whether the account is enabled stay as they are. */
    @Transactional
    public StaffUser change(String username, UserChange change) {
        StaffUser existing = existing(username);
        String email = change.email() == null ? existing.email() : blankToNull(change.email());
        List<Problem> problems = problemsWith(new NewUser(existing.username(), null, change.displayName(),
                change.roles(), change.schools(), change.laCode(), email));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The user cannot be saved", problems);
        }
        var changed = new StaffUser(existing.username(), existing.passwordHash(), blankToNull(change.displayName()),
                change.roles(), change.schools() == null ? Set.of() : change.schools(), blankToNull(change.laCode()),
                existing.enabled(), email == null ? null : email.trim());
        users.save(changed);
        camunda.register(changed);
        return changed;
    }

    /** A disabled user cannot sign in; their tasks and records stay. */
    @Transactional
    public StaffUser setEnabled(String username, boolean enabled) {
        StaffUser existing = existing(username);
        var changed = new StaffUser(existing.username(), existing.passwordHash(), existing.displayName(),
                existing.roles(), existing.schools(), existing.laCode(), enabled, existing.email());
        users.save(changed);
        return changed;
    }

    /** Sets a new password, under the same rules as a new user's. */
    @Transactional
    public void resetPassword(String username, String password) {
        StaffUser existing = existing(username);
        List<Problem> problems = passwordProblems(password);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The password cannot be set", problems);
        }
        users.save(new StaffUser(existing.username(), passwords.encode(password), existing.displayName(),
                existing.roles(), existing.schools(), existing.laCode(), existing.enabled(), existing.email()));
    }

    private StaffUser existing(String username) {
        return users.find(username).orElseThrow(() -> new NotFoundException("No user " + username));
    }

    private static List<Problem> passwordProblems(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return List.of(new Problem("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return List.of(new Problem("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes long (72 letters without accents)"));
        }
        return List.of();
    }

    /** For the demo profile only: saves a user without the password length rule. */
    @Transactional
    public StaffUser saveDemoUser(NewUser user) {
        if (!environment.acceptsProfiles(Profiles.of("demo"))) {
            throw new IllegalStateException("Demo users exist only in the demo profile");
        }
        List<Problem> problems = problemsWith(user);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The demo user cannot be saved", problems);
        }
        return saveUnchecked(user);
    }

    private StaffUser saveUnchecked(NewUser user) {
        var saved = new StaffUser(user.username(), passwords.encode(user.password()), user.displayName(),
                user.roles(), user.schools() == null ? Set.of() : user.schools(), blankToNull(user.laCode()), true,
                blankToNull(user.email()));
        users.save(saved);
        camunda.register(saved);
        return saved;
    }

    private List<Problem> problemsWith(NewUser user) {
        var problems = new ArrayList<Problem>();
        if (user.username() == null || !user.username().matches("[A-Za-z0-9._@-]{2,100}")) {
            problems.add(new Problem("username", "must be 2 to 100 letters, digits or . _ @ -"));
        }
        String email = blankToNull(user.email());
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            problems.add(new Problem("email", "must be an e-mail address such as name@example.org"));
        }
        if (user.displayName() != null && user.displayName().length() > MAX_DISPLAY_NAME_LENGTH) {
            problems.add(new Problem("displayName", "must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters"));
        }
        Set<Role> roles = user.roles() == null || user.roles().isEmpty() ? Set.of() : EnumSet.copyOf(user.roles());
        if (roles.isEmpty()) {
            problems.add(new Problem("roles", "at least one role is needed, one of " + List.of(Role.values())));
        }
        Set<String> schools = user.schools() == null ? Set.of() : user.schools();
        schools.stream().filter(urn -> !scopes.schoolExists(urn))
                .forEach(urn -> problems.add(new Problem("schools", "no school with URN " + urn)));
        String la = blankToNull(user.laCode());
        if (la != null && !scopes.localAuthorityExists(la)) {
            problems.add(new Problem("laCode", "no local authority with code " + la));
        }
        boolean schoolRole = roles.contains(Role.ATTENDANCE_OFFICER) || roles.contains(Role.HEADTEACHER);
        if (schoolRole && schools.isEmpty()) {
            problems.add(new Problem("schools", "attendance officers and headteachers need at least one school"));
        }
        if (roles.contains(Role.LA_OFFICER) && la == null) {
            problems.add(new Problem("laCode", "LA officers need the code of their local authority"));
        }
        if (roles.contains(Role.VIRTUAL_SCHOOL_HEAD) && la == null) {
            problems.add(new Problem("laCode", "a Virtual School Head needs the code of their local authority"));
        }
        if (roles.contains(Role.MANAGER) && la == null && schools.isEmpty()) {
            problems.add(new Problem("laCode", "managers need a local authority or at least one school"));
        }
        return problems;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
