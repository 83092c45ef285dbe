package org.openattendance.security;

import org.openattendance.IntegrationTest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.support.TestSchools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class LoginPageTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserAdministration users;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void rendersTheSignInPageWithGovukStylesAndACsrfToken() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Sign in – Open Attendance</title>")))
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Sign in to Open Attendance</h1>")))
                .andExpect(content().string(containsString("<label class=\"govuk-label govuk-label--s\" for=\"username\">Username</label>")))
                .andExpect(content().string(containsString("autocomplete=\"current-password\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("/webjars/govuk-frontend/")))
                .andExpect(content().string(containsString("<script type=\"module\" src=\"/js/init.js\"></script>")))
                .andExpect(content().string(containsString("Beta")))
                .andExpect(content().string(not(containsString("Sign out"))))
                .andExpect(content().string(not(containsString("There is a problem"))))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
    }

    @Test
    void saysWhatIsWrongAfterAFailedSignInAndConfirmsASignOut() throws Exception {
        mvc.perform(get("/login").param("error", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Error: Sign in – Open Attendance</title>")))
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("<a href=\"#username\">Enter a correct username and password</a>")));
        mvc.perform(get("/login").param("signedOut", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You have signed out")));
    }

    @Test
    void sendsVisitorsWhoAreNotSignedInToTheSignInPage() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void signsInWithUsernameAndPasswordAndOut() throws Exception {
        String username = "login-test-" + System.nanoTime();
        users.save(new UserAdministration.NewUser(username, PASSWORD, "Lena Login", Set.of(Role.ADMIN), Set.of(), null));

        mvc.perform(formLogin("/login").user(username).password("not-the-password"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(SecurityMockMvcResultMatchers.unauthenticated());
        mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andExpect(SecurityMockMvcResultMatchers.authenticated().withUsername(username));
        mvc.perform(logout("/logout"))
                .andExpect(redirectedUrl("/login?signedOut"));
    }

    @Test
    void signedInVisitorsOfTheSignInPageGoHome() throws Exception {
        mvc.perform(get("/login").with(user(TestSchools.admin("login-admin"))))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void refusesToSignOutWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/logout").with(user(TestSchools.admin("logout-admin"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(user(TestSchools.admin("logout-admin"))).with(csrf()))
                .andExpect(redirectedUrl("/login?signedOut"));
    }
}
