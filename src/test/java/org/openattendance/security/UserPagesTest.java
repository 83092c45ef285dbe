package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.school.School;
import org.openattendance.school.SchoolDirectory;
import org.openattendance.support.Fixtures;
import org.openattendance.support.TestSchools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class UserPagesTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestSchools schools;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    StaffUserStore users;
    @Autowired
    UserAdministration administration;
    @Autowired
    org.openattendance.support.Fixtures fixtures;

    MockMvc mvc;
    School school;
    String la;
    StaffUser admin = TestSchools.admin("pages-admin");

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        la = TestSchools.someLaCode();
        school = schools.school("Users Page Primary", la);
    }

    @Test
    void listsEveryUserWithRoleScopeAndAccountForAdministratorsOnly() throws Exception {
        String username = "listed." + System.nanoTime();
        administration.save(new UserAdministration.NewUser(username, PASSWORD, "Lisa <i>Listed</i>",
                Set.of(Role.ATTENDANCE_OFFICER), Set.of(school.getUrn()), null));

        mvc.perform(get("/admin/users").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Users</h1>")))
                .andExpect(content().string(containsString("id=\"user-" + username + "\"")))
                .andExpect(content().string(containsString("Lisa &lt;i&gt;Listed&lt;/i&gt;")))
                .andExpect(content().string(containsString("<td class=\"govuk-table__cell\">Attendance officer</td>")))
                .andExpect(content().string(containsString("Users Page Primary (" + school.getUrn() + ")")))
                .andExpect(content().string(containsString("Enabled")))
                .andExpect(content().string(not(containsString("$2a$"))));

        mvc.perform(get("/admin/users").with(user(TestSchools.officer("pages-officer", school))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/users/new").with(user(TestSchools.laOfficer("pages-la", la))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").param("username", "sneaky." + System.nanoTime()).param("roles", "ADMIN")
                        .param("password", PASSWORD).with(user(TestSchools.laOfficer("pages-la", la))).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theFormOffersEveryRole() throws Exception {
        var page = mvc.perform(get("/admin/users/new").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Add a user</h1>")))
                .andReturn().getResponse().getContentAsString();
        for (Role role : Role.values()) {
            assertThat(page).contains("value=\"" + role.name() + "\"");
        }
    }

    @Test
    void badInputShowsTheErrorSummaryKeepsWhatWasEnteredAndWritesNothing() throws Exception {
        String username = "bad user " + System.nanoTime();
        mvc.perform(post("/admin/users").param("username", username).param("displayName", "Bea <b>Bad</b>")
                        .param("roles", "ATTENDANCE_OFFICER").param("password", "short")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<title>Error: Add a user")))
                .andExpect(content().string(containsString("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>")))
                .andExpect(content().string(containsString("<a href=\"#username\">Username must be 2 to 100 letters, digits or . _ @ -</a>")))
                .andExpect(content().string(containsString("<a href=\"#password\">Password must be at least 12 characters</a>")))
                .andExpect(content().string(containsString("<a href=\"#schools\">Attendance officers and headteachers need at least one school</a>")))
                .andExpect(content().string(containsString("id=\"username-error\"")))
                .andExpect(content().string(containsString("value=\"Bea &lt;b&gt;Bad&lt;/b&gt;\"")))
                .andExpect(content().string(containsString("value=\"ATTENDANCE_OFFICER\" checked")))
                .andExpect(content().string(not(containsString("value=\"short\""))));
        assertThat(users.find(username)).isEmpty();

        mvc.perform(post("/admin/users").param("username", "noroles." + System.nanoTime()).param("password", PASSWORD)
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#roles\">Select at least one role</a>")));
        mvc.perform(post("/admin/users").param("username", "nosuchschool." + System.nanoTime())
                        .param("roles", "HEADTEACHER").param("schools", "0000001").param("password", PASSWORD)
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("No school with URN 0000001")));
    }

    @Test
    void aCreatedUserCanSignInUntilDisabledAndWithTheNewPasswordAfterAReset() throws Exception {
        String username = "created." + System.nanoTime();
        mvc.perform(post("/admin/users").param("username", username).param("displayName", "Cara Created")
                        .param("roles", "ATTENDANCE_OFFICER").param("schools", school.getUrn()).param("laCode", "")
                        .param("password", PASSWORD).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + username))
                .andExpect(flash().attribute("success", "User " + username + " created"));
        StaffUser created = users.find(username).orElseThrow();
        assertThat(created.roles()).containsExactly(Role.ATTENDANCE_OFFICER);
        assertThat(created.schools()).containsExactly(school.getUrn());
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated().withUsername(username));
        mvc.perform(post("/admin/users").param("username", username).param("roles", "ADMIN")
                        .param("password", "a-different-long-password").with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#username\">Username is already taken by another user</a>")));
        assertThat(users.find(username).orElseThrow().roles()).containsExactly(Role.ATTENDANCE_OFFICER);

        mvc.perform(get("/admin/users/{username}", username).with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Cara Created</h1>")))
                .andExpect(content().string(containsString("Disable account")));

        mvc.perform(post("/admin/users/{username}/enabled", username).param("enabled", "false").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + username));
        assertThat(users.find(username).orElseThrow().enabled()).isFalse();
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(unauthenticated());

        mvc.perform(post("/admin/users/{username}/enabled", username).param("enabled", "true").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + username));
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());

        mvc.perform(post("/admin/users/{username}/password", username).param("password", "too-short")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#password\">Password must be at least 12 characters</a>")));
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());

        String newPassword = "another-long-password";
        mvc.perform(post("/admin/users/{username}/password", username).param("password", newPassword)
                        .with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + username));
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user(username).password(newPassword)).andExpect(authenticated());
    }

    @Test
    void theEmailAddressIsShownAndCanBeChanged() throws Exception {
        String username = "mailed." + System.nanoTime();
        mvc.perform(post("/admin/users").param("username", username).param("displayName", "Mo Mailed")
                        .param("email", "mo.mailed@northshire.example").param("roles", "ATTENDANCE_OFFICER")
                        .param("schools", school.getUrn()).param("password", PASSWORD).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + username));
        assertThat(users.find(username).orElseThrow().email()).isEqualTo("mo.mailed@northshire.example");
        mvc.perform(get("/admin/users/{username}", username).with(user(admin)))
                .andExpect(content().string(containsString("id=\"user-email\">mo.mailed@northshire.example</dd>")))
                .andExpect(content().string(containsString("value=\"mo.mailed@northshire.example\"")));
        mvc.perform(get("/admin/users").with(user(admin)))
                .andExpect(content().string(containsString("mo.mailed@northshire.example")));

        mvc.perform(post("/admin/users/{username}", username).param("displayName", "Mo Mailed").param("email", "not an address")
                        .param("roles", "ATTENDANCE_OFFICER").param("schools", school.getUrn()).with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#email\">E-mail address must be an e-mail address such as name@example.org</a>")));
        assertThat(users.find(username).orElseThrow().email()).isEqualTo("mo.mailed@northshire.example");

        mvc.perform(post("/admin/users/{username}", username).param("displayName", "Mo Mailed")
                        .param("email", "mo.new@northshire.example").param("roles", "ATTENDANCE_OFFICER")
                        .param("schools", school.getUrn()).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + username));
        assertThat(users.find(username).orElseThrow().email()).isEqualTo("mo.new@northshire.example");
    }

    @Test
    void anAdministratorSeesAndSetsASocialWorkersCaseload() throws Exception {
        String worker = "caseload." + System.nanoTime();
        administration.save(new UserAdministration.NewUser(worker, PASSWORD, "Cass Worker", Set.of(Role.SOCIAL_WORKER),
                Set.of(), null));
        var upns = fixtures.pupils(new Fixtures.TestSchool(school.getUrn(), la), 3);
        mvc.perform(get("/admin/users/{username}", worker).with(user(admin)))
                .andExpect(content().string(containsString("id=\"caseload-empty\"")));

        mvc.perform(post("/admin/users/{username}/caseload", worker)
                        .param("upns", upns.get(0) + ", " + upns.get(1).toLowerCase() + "\n").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + worker + "#caseload"));
        mvc.perform(get("/admin/users/{username}", worker).with(user(admin)))
                .andExpect(content().string(containsString("2 pupils</caption>")))
                .andExpect(content().string(containsString("href=\"/pupils/" + upns.get(0) + "\"")))
                .andExpect(content().string(containsString("href=\"/pupils/" + upns.get(1) + "\"")))
                .andExpect(content().string(not(containsString("href=\"/pupils/" + upns.get(2) + "\""))));
        assertThat(directory.pupil(upns.get(1)).orElseThrow().getSocialWorker()).isEqualTo(worker);

        // An unknown or malformed UPN changes nothing and says which one.
        mvc.perform(post("/admin/users/{username}/caseload", worker).param("upns", upns.get(2) + " X12345")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"upns-error\"")))
                .andExpect(content().string(containsString("X12345")));
        assertThat(directory.pupil(upns.get(2)).orElseThrow().getSocialWorker()).isNull();

        mvc.perform(post("/admin/users/{username}/caseload/{upn}/remove", worker, upns.get(0)).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + worker + "#caseload"));
        assertThat(directory.pupil(upns.get(0)).orElseThrow().getSocialWorker()).isNull();
        mvc.perform(post("/admin/users/{username}/caseload/{upn}/remove", worker, upns.get(0)).with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());

        // Only a social worker has a caseload; only an administrator sets one.
        mvc.perform(post("/admin/users/{username}/caseload", admin.username()).param("upns", upns.get(2))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/{username}/caseload", worker).param("upns", upns.get(2))
                        .with(user(TestSchools.laOfficer("pages-la-caseload", la))).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(directory.pupil(upns.get(2)).orElseThrow().getSocialWorker()).isNull();
    }

    @Test
    void changesRoleAndScopeOnlyWhenTheyMakeSense() throws Exception {
        String username = "changed." + System.nanoTime();
        administration.save(new UserAdministration.NewUser(username, PASSWORD, "Chris Changed",
                Set.of(Role.ATTENDANCE_OFFICER), Set.of(school.getUrn()), null));

        mvc.perform(post("/admin/users/{username}", username).param("displayName", "Chris Changed")
                        .param("roles", "LA_OFFICER").param("schools", "").param("laCode", "")
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#laCode\">LA officers need the code of their local authority</a>")));
        assertThat(users.find(username).orElseThrow().roles()).containsExactly(Role.ATTENDANCE_OFFICER);

        mvc.perform(post("/admin/users/{username}", username).param("displayName", "Chris Changed")
                        .param("roles", "LA_OFFICER").param("schools", "").param("laCode", la)
                        .with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + username));
        StaffUser changed = users.find(username).orElseThrow();
        assertThat(changed.roles()).containsExactly(Role.LA_OFFICER);
        assertThat(changed.schools()).isEmpty();
        assertThat(changed.laCode()).isEqualTo(la);
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() throws Exception {
        String username = "self.admin." + System.nanoTime();
        StaffUser self = administration.save(new UserAdministration.NewUser(username, PASSWORD, "Sam Self",
                Set.of(Role.ADMIN), Set.of(), null));

        mvc.perform(post("/admin/users/{username}/enabled", username).param("enabled", "false").with(user(self)).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + username))
                .andExpect(flash().attribute("refused", "You cannot disable your own account"));
        mvc.perform(post("/admin/users/{username}", username).param("roles", "MANAGER").param("laCode", la)
                        .with(user(self)).with(csrf()))
                .andExpect(status().isBadRequest());
        StaffUser after = users.find(username).orElseThrow();
        assertThat(after.enabled()).isTrue();
        assertThat(after.roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void formsNeedTheCsrfTokenAndUnknownUsersAreNotFound() throws Exception {
        String username = "nocsrf." + System.nanoTime();
        mvc.perform(post("/admin/users").param("username", username).param("roles", "ADMIN").param("password", PASSWORD)
                        .with(user(admin)))
                .andExpect(status().isForbidden());
        assertThat(users.find(username)).isEmpty();

        mvc.perform(get("/admin/users/{username}", "no.such.user").with(user(admin))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/{username}/password", "no.such.user").param("password", PASSWORD)
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isNotFound());
    }
}
