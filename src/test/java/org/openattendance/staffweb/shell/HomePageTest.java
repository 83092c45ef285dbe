package org.openattendance.staffweb.shell;

import org.openattendance.IntegrationTest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.school.School;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolDirectory;
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
    SchoolAdministration administration;
    @Autowired
    SchoolDirectory directory;

    MockMvc mvc;
    School mine;
    School neighbour;
    School elsewhere;
    String la;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        var schools = new TestSchools(administration, directory);
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
        mvc.perform(get("/").with(user(TestSchools.laOfficer("home-la", la))))
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
