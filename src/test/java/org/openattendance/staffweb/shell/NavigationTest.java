package org.openattendance.staffweb.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.school.School;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.openattendance.support.TestSchools;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The header and the service navigation: who is signed in, and links by role with the current page marked. */
@IntegrationTest
class NavigationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestSchools schools;
    @Autowired
    ServerProperties server;

    MockMvc mvc;
    School school;
    String la;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        la = TestSchools.someLaCode();
        school = schools.school("Navigation Primary", la);
    }

    @Test
    void anAttendanceOfficerSeesTheirSchoolAndTheUploadLinkButNoAdminOrCamunda() throws Exception {
        mvc.perform(get("/inbox").with(user(TestSchools.officer("nav-officer", school))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>Attendance officer</span>")))
                .andExpect(content().string(containsString("<span>Navigation Primary (" + school.getUrn() + ")</span>")))
                .andExpect(content().string(containsString("href=\"/inbox\" id=\"nav-inbox\" aria-current=\"page\"><strong class=\"govuk-service-navigation__active-fallback\">Your tasks</strong></a>")))
                .andExpect(content().string(containsString("href=\"/pupils\" id=\"nav-pupils\">Pupils</a>")))
                .andExpect(content().string(containsString("href=\"/schools/" + school.getUrn() + "/register/upload\" id=\"nav-upload\">Upload register</a>")))
                .andExpect(content().string(not(containsString("id=\"nav-admin\""))))
                .andExpect(content().string(not(containsString("id=\"nav-camunda\""))))
                .andExpect(content().string(not(containsString("/camunda/"))));
    }

    @Test
    void aHeadteacherOfTwoSchoolsFindsTheUploadPagesThroughTheirSchools() throws Exception {
        var second = schools.school("Second Navigation Primary", la);
        var head = new StaffUser("nav-head", "unused", "Hana Head", Set.of(Role.HEADTEACHER),
                Set.of(school.getUrn(), second.getUrn()), null, true);
        mvc.perform(get("/").with(user(head)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>Headteacher</span>")))
                .andExpect(content().string(containsString("id=\"nav-home\" aria-current=\"page\"")))
                .andExpect(content().string(containsString("href=\"/\" id=\"nav-upload\">Upload register</a>")));
        mvc.perform(get("/schools/{urn}/register/upload", second.getUrn()).with(user(head)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"nav-upload\" aria-current=\"true\"")))
                .andExpect(content().string(containsString("href=\"/\" id=\"nav-home\">Your schools</a>")));
    }

    @Test
    void anLaOfficerSeesTheirLaByNameAndTheAdminLinkForLettersOnly() throws Exception {
        var laOfficer = TestSchools.laOfficer("nav-la", la);
        mvc.perform(get("/your-schools").with(user(laOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>LA attendance officer</span>")))
                .andExpect(content().string(containsString("<span>Local authority " + la + "</span>")))
                .andExpect(content().string(containsString("id=\"nav-home\" aria-current=\"page\"")))
                .andExpect(content().string(containsString("href=\"/admin\" id=\"nav-admin\">Admin</a>")))
                .andExpect(content().string(not(containsString("id=\"nav-upload\""))))
                .andExpect(content().string(not(containsString("id=\"nav-camunda\""))));
        mvc.perform(get("/admin").with(user(laOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"admin-letters\"")))
                .andExpect(content().string(not(containsString("id=\"admin-users\""))))
                .andExpect(content().string(not(containsString("id=\"admin-outbox\""))))
                .andExpect(content().string(not(containsString("/camunda/"))));
    }

    @Test
    void aSocialWorkerSeesTheirCaseloadAsScope() throws Exception {
        var socialWorker = new StaffUser("nav-sw", "unused", "Sol Worker", Set.of(Role.SOCIAL_WORKER), Set.of(), null, true);
        // A social worker's home page is their caseload.
        mvc.perform(get("/").with(user(socialWorker))).andExpect(redirectedUrl("/caseload"));
        mvc.perform(get("/caseload").with(user(socialWorker)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/caseload\" id=\"nav-caseload\" aria-current=\"page\"")))
                .andExpect(content().string(containsString("<span>Social worker</span>")))
                .andExpect(content().string(containsString("<span>Your caseload</span>")))
                .andExpect(content().string(not(containsString("id=\"nav-admin\""))));
        mvc.perform(get("/admin").with(user(socialWorker))).andExpect(status().isForbidden());
        mvc.perform(get("/admin").with(user(TestSchools.officer("nav-officer", school)))).andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorSeesAdminAndCamundaCockpitWithTheSectionMarked() throws Exception {
        var admin = TestSchools.admin("nav-admin");
        mvc.perform(get("/admin/users").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>Administrator</span>")))
                .andExpect(content().string(containsString("href=\"/admin\" id=\"nav-admin\" aria-current=\"true\"><strong class=\"govuk-service-navigation__active-fallback\">Admin</strong></a>")))
                .andExpect(content().string(containsString("href=\"/camunda/app/cockpit/default/\" id=\"nav-camunda\">Camunda Cockpit</a>")));
        mvc.perform(get("/admin").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"nav-admin\" aria-current=\"page\"")))
                .andExpect(content().string(containsString("id=\"admin-users\"")))
                .andExpect(content().string(containsString("id=\"admin-letters\"")))
                .andExpect(content().string(containsString("id=\"admin-outbox\"")))
                .andExpect(content().string(containsString("href=\"/camunda/app/cockpit/default/\" id=\"admin-camunda\"")));
    }

    @Test
    void withoutTheDemoProfileThereIsNoMailCatcher() throws Exception {
        var admin = TestSchools.admin("nav-admin-no-demo");
        mvc.perform(get("/admin").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("demo-mail"))));
        mvc.perform(get("/admin/demo-mail").with(user(admin))).andExpect(status().isNotFound());
        assertThat(context.getBeanNamesForType(org.openattendance.demo.mail.DemoMailCatcher.class)).isEmpty();
    }

    @Test
    void aTimedOutSessionLandsOnTheSignInPageThatSaysSo() throws Exception {
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofMinutes(30));
        mvc.perform(get("/inbox").accept(MediaType.TEXT_HTML).with(request -> {
                    request.setRequestedSessionId("expired-session");
                    request.setRequestedSessionIdValid(false);
                    return request;
                }))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("http://localhost/login?timedOut"));
        mvc.perform(get("/login").param("timedOut", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You have been signed out because your session ended")));
        mvc.perform(get("/inbox").accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("http://localhost/login"));
    }
}
