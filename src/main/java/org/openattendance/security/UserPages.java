package org.openattendance.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.openattendance.shared.InvalidInputException;
import org.openattendance.shared.InvalidInputException.Problem;
import org.openattendance.shared.NotFoundException;
import org.openattendance.shared.web.Choice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For administrators: the staff users, a new user, a user's name, roles and scope, disabling and enabling an account,
 * a new password. The same rules as the JSON API ({@link UserAdministration}); bad input is shown with a GOV.UK
 * error summary and nothing is stored.
 */
@Controller
@RequestMapping("/admin/users")
class UserPages {

    /** What the user form sends; roles as text so an unknown one is a problem on the page, not a bad request. */
    record UserForm(String username, String displayName, List<String> roles, String schools, String laCode,
                    String password, String email) {

        static UserForm of(StaffUser user) {
            return new UserForm(user.username(), user.displayName(), user.roles().stream().map(Enum::name).toList(),
                    String.join(", ", user.schools().stream().sorted().toList()), user.laCode(), null,
                    user.email() == null ? "" : user.email());
        }

        static UserForm empty() {
            return new UserForm(null, null, List.of(), null, null, null, null);
        }

        public boolean hasRole(String role) {
            return roles != null && roles.contains(role);
        }
    }

    /** @param pausedFor how long sign-ins to the account stay paused after too many failures; null when they are not */
    record UserRow(String username, String name, String email, String roles, String scope, boolean enabled,
                   boolean socialWorker, String pausedFor) {

        public boolean paused() {
            return pausedFor != null;
        }
    }

    private static final Map<String, String> FIELD_NAMES = Map.of("username", "Username", "displayName", "Name",
            "password", "Password", "roles", "Role", "schools", "Schools", "laCode", "Local authority",
            "email", "E-mail address", "upns", "UPNs");

    private final UserAdministration administration;
    private final StaffUserStore users;
    private final ScopeDirectory scopes;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final SignInThrottle throttle;

    UserPages(UserAdministration administration, StaffUserStore users, ScopeDirectory scopes, AccessPolicy access,
              AuditTrail audit, SignInThrottle throttle) {
        this.throttle = throttle;
        this.administration = administration;
        this.users = users;
        this.scopes = scopes;
        this.access = access;
        this.audit = audit;
    }

    @ModelAttribute
    void onlyForAdministrators() {
        access.checkAdmin();
    }

    @GetMapping
    String list(Model model) {
        Set<String> paused = Set.copyOf(throttle.pausedAccounts());
        model.addAttribute("users", users.all().stream()
                .map(user -> row(user, paused.contains(user.username()) ? pausedFor(user.username()) : null)).toList());
        model.addAttribute("pausedAddresses", throttle.pausedAddresses());
        model.addAttribute("windowMinutes", throttle.window().toMinutes());
        return "security/users";
    }

    /** Lets sign-ins from a client address start again (e.g. a school's office behind one address). */
    @PostMapping(params = "unlockAddress")
    String unlockAddress(@RequestParam String unlockAddress, RedirectAttributes redirect) {
        throttle.unlockAddress(unlockAddress);
        audit.record(AuditTrail.Action.SIGN_IN_UNLOCKED, "address", unlockAddress, "sign-ins from this address unlocked");
        redirect.addFlashAttribute("success", "Sign-ins from " + unlockAddress + " can start again");
        return "redirect:/admin/users";
    }

    /** Lets a user whose sign-ins were paused after too many failed attempts sign in again at once. */
    @PostMapping("/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        StaffUser existing = user(username);
        throttle.unlockAccount(existing.username());
        audit.record(AuditTrail.Action.SIGN_IN_UNLOCKED, "user", existing.username(), "sign-ins unlocked");
        redirect.addFlashAttribute("success", existing.username() + " can sign in again");
        return "redirect:/admin/users/" + existing.username();
    }

    @GetMapping("/new")
    String newUser(Model model) {
        return form(model, UserForm.empty(), List.of(), true);
    }

    @PostMapping
    String create(UserForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var problems = new ArrayList<Problem>();
        Set<Role> roles = roles(form, problems);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException("The user cannot be saved", problems);
            }
            StaffUser user = administration.create(new UserAdministration.NewUser(trim(form.username()), form.password(),
                    trim(form.displayName()), roles, schools(form), form.laCode(), trim(form.email())));
            audit.record(AuditTrail.Action.CHANGE_USERS, "user", user.username(), "created with roles " + user.rolesText());
            redirect.addFlashAttribute("success", "User " + user.username() + " created");
            return "redirect:/admin/users/" + user.username();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            var withoutPassword = new UserForm(form.username(), form.displayName(), form.roles(), form.schools(),
                    form.laCode(), null, form.email());
            return form(model, withoutPassword, e.problems(), true);
        }
    }

    @GetMapping("/{username}")
    String edit(@PathVariable String username, Model model) {
        return form(model, UserForm.of(user(username)), List.of(), false);
    }

    @PostMapping("/{username}")
    String change(@PathVariable String username, UserForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        StaffUser existing = user(username);
        var problems = new ArrayList<Problem>();
        Set<Role> roles = roles(form, problems);
        if (existing.username().equals(access.currentUser().username()) && !roles.contains(Role.ADMIN)) {
            problems.add(new Problem("roles", "cannot leave out Administrator on your own account"));
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException("The user cannot be saved", problems);
            }
            StaffUser user = administration.change(existing.username(), new UserAdministration.UserChange(
                    trim(form.displayName()), roles, schools(form), form.laCode(),
                    form.email() == null ? "" : form.email().trim()));
            audit.record(AuditTrail.Action.CHANGE_USERS, "user", user.username(), "roles " + user.rolesText());
            redirect.addFlashAttribute("success", "Changes to " + user.username() + " saved");
            return "redirect:/admin/users/" + user.username();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            var entered = new UserForm(existing.username(), form.displayName(), form.roles(), form.schools(),
                    form.laCode(), null, form.email());
            return form(model, entered, e.problems(), false);
        }
    }

    @PostMapping("/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        StaffUser existing = user(username);
        if (!enabled && existing.username().equals(access.currentUser().username())) {
            redirect.addFlashAttribute("refused", "You cannot disable your own account");
            return "redirect:/admin/users/" + existing.username();
        }
        administration.setEnabled(existing.username(), enabled);
        audit.record(AuditTrail.Action.CHANGE_USERS, "user", existing.username(), enabled ? "enabled" : "disabled");
        redirect.addFlashAttribute("success", existing.username() + (enabled ? " can sign in again" : " can no longer sign in"));
        return "redirect:/admin/users/" + existing.username();
    }

    @PostMapping("/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam(required = false) String password, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        StaffUser existing = user(username);
        try {
            administration.resetPassword(existing.username(), password);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, UserForm.of(existing), e.problems(), false);
        }
        audit.record(AuditTrail.Action.CHANGE_USERS, "user", existing.username(), "password reset");
        redirect.addFlashAttribute("success", "New password set for " + existing.username());
        return "redirect:/admin/users/" + existing.username();
    }

    /** Allocates pupils to a social worker's caseload: UPNs separated by commas, spaces or new lines. */
    @PostMapping("/{username}/caseload")
    String allocate(@PathVariable String username, @RequestParam(required = false) String upns, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        StaffUser existing = socialWorker(username);
        List<String> entered = upns == null ? List.of() : Arrays.stream(upns.split("[,\\s]+")).filter(u -> !u.isBlank()).toList();
        try {
            scopes.allocate(existing.username(), entered);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("upns", upns);
            return form(model, UserForm.of(existing), e.problems(), false);
        }
        audit.record(AuditTrail.Action.CHANGE_USERS, "user", existing.username(), "caseload: allocated " + String.join(", ", entered));
        redirect.addFlashAttribute("success", entered.size() + (entered.size() == 1 ? " pupil" : " pupils")
                + " added to the caseload of " + existing.username());
        return "redirect:/admin/users/" + existing.username() + "#caseload";
    }

    @PostMapping("/{username}/caseload/{upn}/remove")
    String release(@PathVariable String username, @PathVariable String upn, RedirectAttributes redirect) {
        StaffUser existing = socialWorker(username);
        if (!scopes.release(existing.username(), upn)) {
            throw new NotFoundException("Pupil " + upn + " is not on the caseload of " + existing.username());
        }
        audit.record(AuditTrail.Action.CHANGE_USERS, "user", existing.username(), "caseload: released " + upn);
        redirect.addFlashAttribute("success", upn + " taken off the caseload of " + existing.username());
        return "redirect:/admin/users/" + existing.username() + "#caseload";
    }

    private StaffUser socialWorker(String username) {
        StaffUser user = user(username);
        if (!user.has(Role.SOCIAL_WORKER)) {
            throw new NotFoundException(username + " is not a social worker, so has no caseload");
        }
        return user;
    }

    private String form(Model model, UserForm form, List<Problem> problems, boolean creating) {
        var errors = new LinkedHashMap<String, String>();
        problems.forEach(p -> errors.putIfAbsent(p.where(), sentence(p)));
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("errors", errors);
        model.addAttribute("roleOptions", Arrays.stream(Role.values())
                .map(r -> new Choice(r.name(), RoleNames.of(r), form.hasRole(r.name()))).toList());
        String laCode = form.laCode() == null ? "" : form.laCode();
        var authorities = new ArrayList<Choice>(List.of(Choice.of("", "None", laCode)));
        scopes.localAuthorities().forEach((code, name) -> authorities.add(Choice.of(code, name + " (" + code + ")", laCode)));
        model.addAttribute("localAuthorities", authorities);
        if (!creating) {
            UserRow row = users.find(form.username())
                    .map(user -> row(user, throttle.accountPaused(user.username()) ? pausedFor(user.username()) : null))
                    .orElseThrow();
            model.addAttribute("user", row);
            model.addAttribute("caseload", row.socialWorker() ? scopes.caseloadOf(row.username()) : List.of());
        }
        return "security/user";
    }

    private StaffUser user(String username) {
        return users.find(username).orElseThrow(() -> new NotFoundException("No user " + username));
    }

    private UserRow row(StaffUser user, String pausedFor) {
        String roles = String.join(", ", user.roles().stream().sorted().map(RoleNames::of).toList());
        return new UserRow(user.username(), user.displayName() == null ? "" : user.displayName(),
                user.email() == null ? "" : user.email(), roles, scope(user), user.enabled(), user.has(Role.SOCIAL_WORKER),
                pausedFor);
    }

    private String pausedFor(String username) {
        long minutes = Math.max(1, (throttle.accountPausedFor(username).toSeconds() + 59) / 60);
        return minutes == 1 ? "1 more minute" : minutes + " more minutes";
    }

    private String scope(StaffUser user) {
        var scope = new ArrayList<String>();
        if (user.isAdmin()) {
            scope.add("All schools");
        }
        user.schools().stream().sorted().forEach(urn ->
                scope.add(scopes.schoolName(urn).map(name -> name + " (" + urn + ")").orElse("School " + urn)));
        if (user.laCode() != null) {
            scope.add(scopes.localAuthorityName(user.laCode()).orElse("Local authority " + user.laCode()));
        }
        if (user.has(Role.SOCIAL_WORKER)) {
            scope.add("Their caseload");
        }
        return String.join(", ", scope);
    }

    private static Set<Role> roles(UserForm form, List<Problem> problems) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : form.roles() == null ? List.<String>of() : form.roles()) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("roles", "is not one we know: " + name));
            }
        }
        return roles;
    }

    private static Set<String> schools(UserForm form) {
        if (form.schools() == null || form.schools().isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(form.schools().trim().split("[,\\s]+")));
    }

    /** "password" and "must be at least 12 characters" become "Password must be at least 12 characters". */
    private static String sentence(Problem problem) {
        String field = FIELD_NAMES.getOrDefault(problem.where(), problem.where());
        String message = problem.message();
        if (problem.where().equals("roles") && message.startsWith("at least one role")) {
            return "Select at least one role";
        }
        if (message.startsWith("must") || message.startsWith("is ") || message.startsWith("cannot")) {
            return field + " " + message;
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static String trim(String text) {
        return text == null ? null : text.trim();
    }
}
