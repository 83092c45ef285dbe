package org.openattendance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.missingeducation.MissingEducationReferral;
import org.openattendance.school.SchoolAdministration.PupilData;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.openattendance.shared.AcademicYear;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/** The returns, leaving, children-missing-education and Common Transfer File pages, each in its users' scope. */
@IntegrationTest
class ReturnsPagesTest {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Autowired
    WebApplicationContext context;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    MockMvc mvc;
    Fixtures.TestSchool school;
    StaffUser officer;
    StaffUser laOfficer;
    StaffUser otherLaOfficer;
    String upn;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        school = fixtures.school(fixtures.newLaCode());
        officer = new StaffUser(fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null), "unused", "Olive Officer",
                Set.of(Role.ATTENDANCE_OFFICER), Set.of(school.urn()), null, true);
        laOfficer = new StaffUser("la." + school.laCode(), "unused", "Lee Authority", Set.of(Role.LA_OFFICER), Set.of(),
                school.laCode(), true);
        otherLaOfficer = new StaffUser("la.other", "unused", "Other Authority", Set.of(Role.LA_OFFICER), Set.of(), "998", true);
        upn = fixtures.newUpn();
        var data = fixtures.pupilData(upn, null, Set.of());
        LocalDate entry = AcademicYear.containing(Fixtures.today()).firstDay().plusDays(1);
        fixtures.save(school, new PupilData(upn, "Maya", "Fenwick", data.dateOfBirth(), 4, entry, Set.of(), null,
                data.parents()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from la_return r join pupil p on p.id = r.pupil_id where p.upn = ?", Integer.class, upn) == 1);
    }

    @Test
    void theSchoolAndItsLaSeeTheReturnWithBritishDatesAndAnotherLaDoesNot() throws Exception {
        long id = jdbc.queryForObject("select r.id from la_return r join pupil p on p.id = r.pupil_id where p.upn = ?",
                Long.class, upn);
        LocalDate due = jdbc.queryForObject("select due_date from la_return where id = ?", LocalDate.class, id);
        String row = "Maya Fenwick";
        mvc.perform(get("/returns").with(user(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString(row)))
                .andExpect(content().string(containsString(LONG.format(due))))
                .andExpect(content().string(containsString("id=\"nav-returns\"")));
        mvc.perform(get("/returns").with(user(laOfficer))).andExpect(content().string(containsString(row)));
        mvc.perform(get("/returns").with(user(otherLaOfficer))).andExpect(content().string(not(containsString(row))));
        mvc.perform(get("/returns/" + id).with(user(otherLaOfficer))).andExpect(status().isNotFound());
        mvc.perform(get("/returns/" + id).with(user(laOfficer))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Make the return"))));

        mvc.perform(post("/returns/" + id).with(user(officer)).with(csrf()).param("pupilAddress", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter the pupil&#39;s home address")));
        mvc.perform(post("/returns/" + id).with(user(officer)).with(csrf()).param("pupilAddress", "12 Orchard Way")
                .param("sex", "F")).andExpect(redirectedUrl("/returns/" + id + "?made"));
        mvc.perform(get("/returns/" + id + "?made").with(user(laOfficer)))
                .andExpect(content().string(containsString("Address: 12 Orchard Way")));
    }

    @Test
    void theLeavingPageSaysWhichEnquiriesAreMissingAndRecordsAGroundThatIsMet() throws Exception {
        LocalDate today = Fixtures.today();
        mvc.perform(get("/pupils/" + upn + "/deletion").with(user(laOfficer))).andExpect(status().isForbidden());
        mvc.perform(post("/pupils/" + upn + "/deletion").with(user(officer)).with(csrf()).param("ground", "CONTINUOUS_ABSENCE")
                        .param("deletionDate-day", String.valueOf(today.getDayOfMonth())).param("deletionDate-month", String.valueOf(today.getMonthValue()))
                        .param("deletionDate-year", String.valueOf(today.getYear())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The school&#39;s reasonable enquiries are not recorded")))
                .andExpect(content().string(containsString("The LA&#39;s reasonable enquiries are not recorded")));
        mvc.perform(post("/pupils/" + upn + "/deletion").with(user(officer)).with(csrf()).param("ground", "REGISTERED_ELSEWHERE")
                        .param("deletionDate-day", "31").param("deletionDate-month", "2").param("deletionDate-year", "2027"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Last day on roll must be a real date")));
        mvc.perform(post("/pupils/" + upn + "/deletion").with(user(officer)).with(csrf()).param("ground", "REGISTERED_ELSEWHERE")
                        .param("deletionDate-day", String.valueOf(today.getDayOfMonth())).param("deletionDate-month", String.valueOf(today.getMonthValue()))
                        .param("deletionDate-year", String.valueOf(today.getYear())).param("destinationSchool", "Oak Academy"))
                .andExpect(redirectedUrl("/pupils/" + upn + "/deletion?deleted"));
        assertThat(jdbc.queryForObject("select channel from pupil_deletion d join pupil p on p.id = d.pupil_id where p.upn = ?",
                String.class, upn)).isEqualTo("PAGE");
    }

    @Test
    void theLeavingPageSaysWhatIsMissingFromEachDateAndRecordsNothing() throws Exception {
        mvc.perform(post("/pupils/" + upn + "/deletion").with(user(officer)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#deletionGround-0\">Choose the ground for the deletion</a>")))
                .andExpect(content().string(containsString("<a href=\"#deletionDate\">Enter the last day on roll</a>")));
        mvc.perform(post("/pupils/" + upn + "/deletion").with(user(officer)).with(csrf()).param("ground", "ELECTIVE_HOME_EDUCATION")
                        .param("deletionDate-day", "7").param("deletionDate-year", "2027")
                        .param("parentNoticeDate-day", "3").param("parentNoticeDate-month", "1").param("parentNoticeDate-year", "27"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Last day on roll must include a month")))
                .andExpect(content().string(containsString("Year must include 4 numbers")))
                .andExpect(content().string(containsString("value=\"ELECTIVE_HOME_EDUCATION\" checked=\"checked\"")));
        assertThat(jdbc.queryForObject("select count(*) from pupil_deletion d join pupil p on p.id = d.pupil_id where p.upn = ?",
                Integer.class, upn)).isZero();
    }

    @Test
    void theMissingEducationRegisterIsForTheLaOnly() throws Exception {
        mvc.perform(get("/missing-education").with(user(officer))).andExpect(status().isNotFound());
        mvc.perform(get("/missing-education").with(user(laOfficer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Children missing education")));
    }

    @Test
    void theMissingEducationEntrySaysWhatIsWrongWithTheDateOrTheOutcomeAndKeepsWhatWasTyped() throws Exception {
        long pupilId = jdbc.queryForObject("select id from pupil where upn = ?", Long.class, upn);
        transaction.executeWithoutResult(s -> events.publishEvent(new MissingEducationReferral(pupilId, upn, school.urn(),
                school.laCode(), Fixtures.weekdaysAgo(15), "No contact by the referral day", "case-task:page-" + upn)));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from cme_entry where upn = ?", Integer.class, upn) == 1);
        long id = jdbc.queryForObject("select id from cme_entry where upn = ?", Long.class, upn);
        String page = "/missing-education/" + id;

        mvc.perform(post(page + "/enquiries").with(user(laOfficer)).with(csrf()).param("madeOn-day", "31")
                        .param("madeOn-month", "2").param("madeOn-year", "2027").param("enquiry", "Checked admissions"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#madeOn\">The date the enquiry was made must be a real date</a>")))
                .andExpect(content().string(matchesRegex("(?s).*name=\"madeOn-day\" type=\"text\" inputmode=\"numeric\"\\s+value=\"31\".*")))
                .andExpect(content().string(containsString("Checked admissions")));
        mvc.perform(post(page + "/enquiries").with(user(laOfficer)).with(csrf()).param("madeOn-day", "3")
                        .param("madeOn-month", "").param("madeOn-year", "2027").param("enquiry", "Checked admissions"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The date the enquiry was made must include a month")));
        mvc.perform(post(page + "/outcome").with(user(laOfficer)).with(csrf()).param("detail", "Moved to Portugal"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#outcome-0\">Choose the outcome of the enquiries</a>")))
                .andExpect(content().string(containsString("Moved to Portugal")));
        LocalDate madeOn = Fixtures.weekdaysAgo(1);
        mvc.perform(post(page + "/enquiries").with(user(laOfficer)).with(csrf())
                        .param("madeOn-day", String.valueOf(madeOn.getDayOfMonth()))
                        .param("madeOn-month", String.valueOf(madeOn.getMonthValue()))
                        .param("madeOn-year", String.valueOf(madeOn.getYear())).param("enquiry", "Checked admissions"))
                .andExpect(redirectedUrl(page + "?enquiry"));
        assertThat(jdbc.queryForObject("select count(*) from cme_enquiry q join cme_entry e on e.id = q.entry_id where e.upn = ?",
                Integer.class, upn)).isEqualTo(1);
    }

    @Test
    void theCtfPagesImportAFileWithItsReportAndDownloadALeaversFile() throws Exception {
        String xml = """
                <CTfile><Header><CTFversion>25.0</CTFversion><SourceSchool><SchoolName>Made-up Infants</SchoolName></SourceSchool>
                </Header><CTFpupilData><Pupil><UPN>%s</UPN><Surname>Fern</Surname><Forename>Sky</Forename>
                <DOB>2016-02-30</DOB></Pupil></CTFpupilData></CTfile>""".formatted(fixtures.newUpn());
        LocalDate today = Fixtures.today();
        mvc.perform(multipart("/schools/" + school.urn() + "/ctf").file(new MockMultipartFile("file", "ctf.xml",
                                "application/xml", xml.getBytes())).with(user(officer)).with(csrf())
                        .param("joined-day", String.valueOf(today.getDayOfMonth())).param("joined-month", String.valueOf(today.getMonthValue()))
                        .param("joined-year", String.valueOf(today.getYear())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not taken")))
                .andExpect(content().string(containsString("the date of birth (DOB) &#39;2016-02-30&#39; is not a date")));
        mvc.perform(multipart("/schools/" + school.urn() + "/ctf").file(new MockMultipartFile("file", "evil.xml",
                                "application/xml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CTfile>&e;</CTfile>".getBytes()))
                        .with(user(officer)).with(csrf()).param("joined-day", "1").param("joined-month", "9").param("joined-year", "2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("document type declaration")));

        mvc.perform(post("/pupils/" + upn + "/ctf").with(user(officer)).with(csrf()).param("destination", "140001"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(upn + ".xml")))
                .andExpect(content().string(containsString("<UPN>" + upn + "</UPN>")));
        mvc.perform(get("/pupils/" + upn + "/ctf").with(user(laOfficer))).andExpect(status().isForbidden());
    }
}
