package org.openattendance.staffweb.shell;

import org.openattendance.IntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.school.School;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.openattendance.security.StaffUserStore;
import org.openattendance.support.Fixtures;
import org.openattendance.support.TestSchools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class HomePageTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestSchools schools;
    @Autowired
    Fixtures fixtures;
    @Autowired
    StaffUserStore users;

    MockMvc mvc;
    School mine;
    School neighbour;
    School elsewhere;
    String la;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        la = TestSchools.someLaCode();
        mine = schools.school("Home Test Primary", la);
        neighbour = schools.school("Neighbour <b>Bold</b> & Co", la);
        String otherLa = la.equals("999") ? "998" : "999";
        elsewhere = schools.school("Faraway Academy", otherLa);
    }

    @Test
    void showsAnAttendanceOfficerOnlyTheirSchoolWithTheUploadLinkAndWhoTheyAre() throws Exception {
        mvc.perform(get("/").with(user(TestSchools.officer("home-officer", mine))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Your schools</h1>")))
                .andExpect(content().string(containsString(">Home Test Primary</th>")))
                .andExpect(content().string(containsString("/schools/" + mine.getUrn() + "/register/upload")))
                .andExpect(content().string(not(containsString(neighbour.getUrn()))))
                .andExpect(content().string(not(containsString(elsewhere.getUrn()))))
                .andExpect(content().string(not(containsString("/camunda/"))))
                // the header: name, role, scope and a sign-out form with its CSRF token
                .andExpect(content().string(containsString("Signed in as <strong>Olive Officer</strong>")))
                .andExpect(content().string(containsString("<span>Attendance officer</span>")))
                .andExpect(content().string(containsString("<span>Home Test Primary (" + mine.getUrn() + ")</span>")))
                .andExpect(content().string(containsString("<form action=\"/logout\" method=\"post\" class=\"app-signed-in__sign-out\"><input type=\"hidden\" name=\"_csrf\"")));
    }

    @Test
    void showsAnLaOfficerTheirLasSchoolsEscapedAndWithoutUploadLinks() throws Exception {
        // Their home page is the LA dashboard; the list of their schools is one link away.
        mvc.perform(get("/your-schools").with(user(TestSchools.laOfficer("home-la", la))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(mine.getUrn())))
                .andExpect(content().string(containsString("Neighbour &lt;b&gt;Bold&lt;/b&gt; &amp; Co")))
                .andExpect(content().string(not(containsString("<b>Bold</b>"))))
                .andExpect(content().string(not(containsString(elsewhere.getUrn()))))
                .andExpect(content().string(not(containsString("/register/upload"))))
                .andExpect(content().string(containsString("<span>LA attendance officer</span>")))
                .andExpect(content().string(containsString("<span>Local authority " + la + "</span>")));
    }

    @Test
    void signingInLandsAnLaOfficerOnTheLaDashboard() throws Exception {
        String officer = fixtures.user(Role.LA_OFFICER, Set.of(), la);
        assertThat(landing(officer)).isEqualTo("/dashboard/las/" + la);
        mvc.perform(get("/dashboard/las/" + la).with(user(principal(officer)))).andExpect(status().isOk())
                .andExpect(content().string(containsString(": attendance</h1>")))
                .andExpect(content().string(containsString("href=\"/your-schools\" id=\"nav-home\">Your schools</a>")));
    }

    @Test
    void signingInLandsAnLaManagerOnTheLaDashboard() throws Exception {
        String manager = fixtures.user(Role.MANAGER, Set.of(), la);
        assertThat(landing(manager)).isEqualTo("/dashboard/las/" + la);
        mvc.perform(get("/dashboard/las/" + la).with(user(principal(manager)))).andExpect(status().isOk())
                .andExpect(content().string(containsString(": attendance</h1>")));
    }

    @Test
    void signingInLandsAHeadteacherOnTheirSchoolsDashboard() throws Exception {
        String head = fixtures.user(Role.HEADTEACHER, Set.of(mine.getUrn()), null);
        assertThat(landing(head)).isEqualTo("/dashboard");
        mvc.perform(get("/dashboard").with(user(principal(head)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Home Test Primary: attendance</h1>")));
    }

    @Test
    void signingInLandsAVirtualSchoolHeadOnTheLasLookedAfterChildren() throws Exception {
        String head = fixtures.user(Role.VIRTUAL_SCHOOL_HEAD, Set.of(), la);
        assertThat(landing(head)).isEqualTo("/dashboard/las/" + la + "/virtual-school/children");
    }

    @Test
    void signingInLandsASocialWorkerOnTheirCaseload() throws Exception {
        assertThat(landing(fixtures.user(Role.SOCIAL_WORKER, Set.of(), null))).isEqualTo("/caseload");
    }

    @Test
    void signingInLeavesAnAttendanceOfficerAndTheAdministratorOnTheirSchools() throws Exception {
        assertThat(landing(fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(mine.getUrn()), null))).isNull();
        assertThat(landing(fixtures.user(Role.ADMIN, Set.of(), null))).isNull();
    }

    /**
     * Signs in through the sign-in form (which sends everyone to the home page) and answers where the home page
     * sends this person: null when the home page is their list of schools.
     */
    private String landing(String username) throws Exception {
        mvc.perform(formLogin("/login").user(username).password(Fixtures.PASSWORD))
                .andExpect(authenticated().withUsername(username)).andExpect(redirectedUrl("/"));
        var home = mvc.perform(get("/").with(user(principal(username)))).andReturn().getResponse();
        if (home.getStatus() == 200) {
            assertThat(home.getContentAsString()).contains("<h1 class=\"govuk-heading-l\">Your schools</h1>");
            return null;
        }
        assertThat(home.getStatus()).isEqualTo(302);
        return home.getRedirectedUrl();
    }

    private StaffUser principal(String username) {
        var u = users.loadUserByUsername(username);
        return new StaffUser(u.username(), u.passwordHash(), u.displayName(), u.roles(), u.schools(), u.laCode(),
                u.enabled(), u.email(), 0);
    }

    @Test
    void showsTheAdministratorEverySchoolAndTheCamundaLink() throws Exception {
        mvc.perform(get("/").with(user(TestSchools.admin("home-admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(mine.getUrn())))
                .andExpect(content().string(containsString(elsewhere.getUrn())))
                .andExpect(content().string(containsString("/schools/" + elsewhere.getUrn() + "/register/upload")))
                .andExpect(content().string(containsString("href=\"/camunda/app/cockpit/default/\"")))
                .andExpect(content().string(containsString("<span>Administrator</span>")))
                .andExpect(content().string(containsString("<span>All schools</span>")));
    }
}
