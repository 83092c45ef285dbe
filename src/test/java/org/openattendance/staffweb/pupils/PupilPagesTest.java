package org.openattendance.staffweb.pupils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.attendance.AttendanceSnapshots;
import org.openattendance.attendance.calculator.AttendanceBand;
import org.openattendance.casework.CaseWork;
import org.openattendance.notification.LetterRequest;
import org.openattendance.notification.Letters;
import org.openattendance.school.PupilRoll;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.security.Role;
import org.openattendance.security.StaffUser;
import org.openattendance.security.UserAdministration;
import org.openattendance.shared.AcademicYear;
import org.openattendance.shared.NotFoundException;
import org.openattendance.staffweb.shell.Labels;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The pupil page, the pupil search and the school's pupil list: a pupil with two days of marks (one absence code
 * amended), a case opened by the load, a letter; a second pupil always present; a pupil with a hostile name.
 */
@IntegrationTest
class PupilPagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Fixtures fixtures;
    @Autowired
    SchoolAdministration schools;
    @Autowired
    PupilRoll roll;
    @Autowired
    AttendanceSnapshots snapshots;
    @Autowired
    CaseWork work;
    @Autowired
    Letters letters;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAdministration users;

    MockMvc mvc;
    Fixtures.TestSchool school;
    StaffUser officer;
    StaffUser otherOfficer;
    String upn;
    String presentUpn;
    String surname;
    long pupilId;
    LocalDate firstDay;
    LocalDate secondDay;

    @BeforeEach
    void setUp() throws Exception {
        Instant started = Instant.now().minusSeconds(1);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        school = fixtures.school(fixtures.newLaCode());
        var other = fixtures.school(school.laCode());
        officer = staff("pupil.officer." + school.urn(), Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        users.save(new UserAdministration.NewUser(officer.username(), Fixtures.PASSWORD, "Priya Shah",
                officer.roles(), officer.schools(), null));
        otherOfficer = staff("pupil.other." + other.urn(), Role.ATTENDANCE_OFFICER, Set.of(other.urn()), null);
        var upns = fixtures.pupils(school, 2);
        upn = upns.get(0);
        presentUpn = upns.get(1);
        surname = "Pupil" + upn.substring(9);
        pupilId = roll.byUpn(school.urn()).get(upn).pupilId();

        // Two days ago present all day; yesterday unexplained all day, then the morning explained as illness.
        firstDay = Fixtures.weekdaysAgo(4);
        secondDay = Fixtures.weekdaysAgo(2);
        load(List.of(mark(upn, firstDay, "AM", "/", null), mark(upn, firstDay, "PM", "/", null),
                mark(upn, secondDay, "AM", "N", null), mark(upn, secondDay, "PM", "N", null),
                mark(presentUpn, firstDay, "AM", "/", null), mark(presentUpn, firstDay, "PM", "/", null),
                mark(presentUpn, secondDay, "AM", "/", null), mark(presentUpn, secondDay, "PM", "/", null)));
        load(List.of(mark(upn, secondDay, "AM", "I", "Mother phoned: flu")));

        AcademicYear year = AcademicYear.containing(Fixtures.today());
        long presentId = roll.byUpn(school.urn()).get(presentUpn).pupilId();
        await().atMost(Duration.ofSeconds(30)).until(() -> work.caseOf(upn).isPresent()
                && snapshots.find(pupilId, year).map(s -> s.possible() == 4).orElse(false)
                && snapshots.find(presentId, year).isPresent()
                && jdbc.queryForObject("select count(*) from event_publication where completion_date is null and publication_date >= ?",
                Integer.class, java.sql.Timestamp.from(started)) == 0);
    }

    @Test
    void thePupilPageShowsTheRegisterTotalsAnAmendmentTheCaseAndTheLetters() throws Exception {
        UUID letter = letters.issue(new LetterRequest("step-" + UUID.randomUUID(), "below-95-percent", null, pupilId,
                Map.of("attendancePercent", "50.0", "contactName", "Ms Jones", "contactPhone", "01234 567890"))).id();
        var kase = work.caseOf(upn).orElseThrow();

        var tasks = work.workable(officer).stream().filter(t -> t.kase() != null && upn.equals(t.kase().upn())).toList();
        assertThat(tasks).isNotEmpty();

        mvc.perform(get("/pupils/{upn}", upn).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Alex " + surname + "</h1>")))
                .andExpect(content().string(containsString("id=\"date-of-birth\">4 March 2017</dd>")))
                .andExpect(content().string(containsString("href=\"/tasks/" + tasks.get(0).id() + "\">" + tasks.get(0).name() + "</a>")))
                .andExpect(content().string(containsString("Sam Parent")))
                .andExpect(content().string(containsString("id=\"register-calendar\"")))
                .andExpect(content().string(containsString("<caption class=\"govuk-table__caption govuk-table__caption--s\" id=\"register-caption\">Register marks, " + AcademicYear.containing(Fixtures.today()))))
                // the cells: present, the amended morning (I*), the afternoon still N, the key
                .andExpect(content().string(containsString("app-mark--present\" title=\"Present or approved educational activity: /, Present at morning registration\"")))
                .andExpect(content().string(containsString("<span aria-hidden=\"true\">I*</span>")))
                .andExpect(content().string(containsString("app-mark--unauthorised\" title=\"Unauthorised absence: N,")))
                .andExpect(content().string(containsString("Authorised absence: I, Illness (not medical or dental appointments) (amended)")))
                .andExpect(content().string(containsString("app-mark--not-required\" title=\"School closed\"")))
                // the chart and its table: 2 of 2 after the first week with marks at the latest 50%
                .andExpect(content().string(containsString("id=\"attendance-chart\"")))
                .andExpect(content().string(containsString("<polyline")))
                .andExpect(content().string(containsString("2 of 4")))
                // totals by code
                .andExpect(content().string(containsString("id=\"code-totals\"")))
                .andExpect(content().string(allOf(containsString(">/</span></th>"), containsString(">I</span></th>"),
                        containsString(">N</span></th>"))))
                // the amendment
                .andExpect(content().string(containsString("id=\"amendments\"")))
                .andExpect(content().string(containsString(Labels.DAY.format(secondDay) + " AM")))
                .andExpect(content().string(containsString("Mother phoned: flu")))
                // who amended it, by name, not by the username they sign in with
                .andExpect(content().string(containsString("Priya Shah (Attendance officer)")))
                .andExpect(content().string(not(containsString(officer.username() + " (Attendance officer)"))))
                // the case ladder with the current stage
                .andExpect(content().string(containsString("id=\"ladder\"")))
                .andExpect(content().string(matchesPattern("(?s).*app-ladder__rung--current\"\\s+aria-current=\"step\">\\s*"
                        + "<span class=\"app-ladder__stage\">" + java.util.regex.Pattern.quote(Labels.stage(kase.stage()))
                        + "</span>\\s*<strong class=\"govuk-tag govuk-tag--blue\">Current stage</strong>.*")))
                .andExpect(content().string(containsString("Not reached")))
                .andExpect(content().string(containsString("id=\"timeline\"")))
                // the letter, viewed through the signed-in page route
                .andExpect(content().string(containsString("href=\"/letters/" + letter + "/pdf\"")))
                .andExpect(content().string(containsString("id=\"notices\"")));

        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'READ_PUPIL' "
                + "and subject_type = 'pupil' and subject_id = ? and detail like 'pupil page%'", Integer.class,
                officer.username(), upn)).isEqualTo(1);

        mvc.perform(get("/letters/{id}/pdf", letter).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        // Outside the scope the page route sends the error to the container's error page (the HTML 404 page), where
        // the API door would have answered with JSON itself.
        mvc.perform(get("/letters/{id}/pdf", letter).with(user(otherOfficer)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(result -> assertThat(result.getResolvedException()).isInstanceOf(NotFoundException.class))
                .andExpect(content().string(""));
    }

    @Test
    void anEarlierYearWithoutMarksShowsEmptySectionsAndABadYearIsABadRequest() throws Exception {
        String last = AcademicYear.containing(Fixtures.today()).previous().toString();
        mvc.perform(get("/pupils/{upn}", upn).param("year", last).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"" + last + "\" selected=\"selected\">")))
                .andExpect(content().string(containsString("No marks recorded in this year.")))
                .andExpect(content().string(containsString("There is no attendance case for " + last)));
        mvc.perform(get("/pupils/{upn}", upn).param("year", "2026").with(user(officer)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aPupilOutsideTheCallersScopeIsNotFound() throws Exception {
        mvc.perform(get("/pupils/{upn}", upn).with(user(otherOfficer)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(surname))));

        String socialWorkerName = fixtures.user(Role.SOCIAL_WORKER, Set.of(), null);
        String allocated = fixtures.pupilWithSocialWorker(school, socialWorkerName);
        StaffUser socialWorker = staff(socialWorkerName, Role.SOCIAL_WORKER, Set.of(), null);
        mvc.perform(get("/pupils/{upn}", upn).with(user(socialWorker)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/pupils/{upn}", allocated).with(user(socialWorker)))
                .andExpect(status().isOk());

        StaffUser laOfficer = staff("la.pupil." + school.urn(), Role.LA_OFFICER, Set.of(), school.laCode());
        mvc.perform(get("/pupils/{upn}", upn).with(user(laOfficer)))
                .andExpect(status().isOk());
        // Nothing was read; the refused attempt is in the audit trail (issue 14: refusals are audited too).
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and subject_id = ? "
                + "and outcome = 'ALLOWED'", Integer.class, otherOfficer.username(), upn)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and pupil_upn = ? "
                + "and outcome = 'REFUSED'", Integer.class, otherOfficer.username(), upn)).isEqualTo(1);
    }

    @Test
    void theSearchFindsByNameAndUpnOnlyWithinScope() throws Exception {
        mvc.perform(post("/pupils").param("q", "alex " + surname.toLowerCase()).with(user(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 pupil found")))
                .andExpect(content().string(containsString("href=\"/pupils/" + upn + "\">Alex " + surname + "</a>")));
        mvc.perform(post("/pupils").param("q", upn.toLowerCase()).with(user(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/pupils/" + upn + "\"")));

        mvc.perform(post("/pupils").param("q", surname).with(user(otherOfficer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("0 pupils found")))
                .andExpect(content().string(not(containsString(upn))));
        mvc.perform(post("/pupils").param("q", upn).with(user(otherOfficer)).with(csrf()))
                .andExpect(content().string(not(containsString("href=\"/pupils/" + upn))));

        StaffUser elsewhereLa = staff("la.elsewhere." + school.urn(), Role.LA_OFFICER, Set.of(), fixtures.newLaCode());
        mvc.perform(post("/pupils").param("q", upn).with(user(elsewhereLa)).with(csrf()))
                .andExpect(content().string(not(containsString("href=\"/pupils/" + upn))));
        // A wildcard finds nothing by itself: it is matched as text.
        mvc.perform(post("/pupils").param("q", "%").with(user(officer)).with(csrf()))
                .andExpect(content().string(containsString("0 pupils found")));
    }

    @Test
    void theSearchFindsByPartOfAUpnOnlyWithinScope() throws Exception {
        String lastDigits = upn.substring(8);
        mvc.perform(post("/pupils").param("q", lastDigits).with(user(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 pupil found")))
                .andExpect(content().string(containsString("href=\"/pupils/" + upn + "\"")));
        mvc.perform(post("/pupils").param("q", upn.substring(0, 7).toLowerCase()).with(user(officer)).with(csrf()))
                .andExpect(content().string(containsString("href=\"/pupils/" + upn + "\"")));
        mvc.perform(post("/pupils").param("q", lastDigits).with(user(otherOfficer)).with(csrf()))
                .andExpect(content().string(not(containsString("href=\"/pupils/" + upn))));
        // Three characters are too few to be part of a UPN (they would match most of the roll); these three are not
        // in the pupil's name either.
        String three = java.util.stream.IntStream.range(1, 9).mapToObj(i -> upn.substring(i, i + 3))
                .filter(t -> !surname.contains(t)).findFirst().orElseThrow();
        mvc.perform(post("/pupils").param("q", three).with(user(officer)).with(csrf()))
                .andExpect(content().string(not(containsString("href=\"/pupils/" + upn))));
    }

    @Test
    void aVirtualSchoolHeadFindsOnlyTheirLasLookedAfterChildren() throws Exception {
        jdbc.update("insert into pupil_cohort (pupil_id, cohort) values (?, 'LOOKED_AFTER')", pupilId);
        StaffUser head = staff("vsh." + school.urn(), Role.VIRTUAL_SCHOOL_HEAD, Set.of(), school.laCode());
        StaffUser elsewhere = staff("vsh.elsewhere." + school.urn(), Role.VIRTUAL_SCHOOL_HEAD, Set.of(), fixtures.newLaCode());

        mvc.perform(post("/pupils").param("q", surname).with(user(head)).with(csrf()))
                .andExpect(content().string(containsString("href=\"/pupils/" + upn + "\"")));
        mvc.perform(post("/pupils").param("q", presentUpn).with(user(head)).with(csrf()))
                .andExpect(content().string(containsString("0 pupils found")));
        mvc.perform(post("/pupils").param("q", upn).with(user(elsewhere)).with(csrf()))
                .andExpect(content().string(containsString("0 pupils found")));
        mvc.perform(get("/pupils/{upn}", upn).with(user(head))).andExpect(status().isOk());
        mvc.perform(get("/pupils/{upn}", presentUpn).with(user(head))).andExpect(status().isNotFound());
    }

    @Test
    void theSearchIsPostedWithTheCsrfTokenAndSaysWhenNothingWasEntered() throws Exception {
        mvc.perform(get("/pupils").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<form method=\"post\" action=\"/pupils\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(post("/pupils").param("q", surname).with(user(officer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/pupils").param("q", "  ").with(user(officer)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("<a href=\"#q\">Enter a name or UPN</a>")));
    }

    @Test
    void theSchoolListFiltersByBandAndSortsByAttendance() throws Exception {
        AcademicYear year = AcademicYear.containing(Fixtures.today());
        assertThat(snapshots.find(pupilId, year).orElseThrow().band()).isEqualTo(AttendanceBand.SEVERE);

        mvc.perform(get("/schools/{urn}/pupils", school.urn()).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(upn), containsString(presentUpn))))
                .andExpect(content().string(containsString("50.0%")));
        mvc.perform(get("/schools/{urn}/pupils", school.urn()).param("band", "severe").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/pupils/" + upn + "\"")))
                .andExpect(content().string(not(containsString(presentUpn))))
                .andExpect(content().string(containsString("Clear filters")));
        mvc.perform(get("/schools/{urn}/pupils", school.urn()).param("band", "none").with(user(officer)))
                .andExpect(content().string(containsString(presentUpn)))
                .andExpect(content().string(not(containsString(upn))));
        String lowestFirst = mvc.perform(get("/schools/{urn}/pupils", school.urn()).param("sort", "attendance")
                .with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(lowestFirst.indexOf(upn)).isLessThan(lowestFirst.indexOf(presentUpn));
        String highestFirst = mvc.perform(get("/schools/{urn}/pupils", school.urn()).param("sort", "attendance-desc")
                .with(user(officer))).andReturn().getResponse().getContentAsString();
        assertThat(highestFirst.indexOf(presentUpn)).isLessThan(highestFirst.indexOf(upn));

        mvc.perform(get("/schools/{urn}/pupils", school.urn()).param("yearGroup", "4").with(user(officer)))
                .andExpect(content().string(allOf(containsString(upn), containsString(presentUpn))))
                .andExpect(content().string(containsString("1 severely absent")));
        mvc.perform(get("/schools/{urn}/pupils", school.urn()).param("yearGroup", "5").with(user(officer)))
                .andExpect(content().string(not(containsString(upn))))
                .andExpect(content().string(containsString("No pupils match the filter.")));
        mvc.perform(get("/schools/{urn}/pupils", school.urn()).param("band", "sometimes").with(user(officer)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/schools/{urn}/pupils", school.urn()).with(user(otherOfficer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/schools").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/schools/" + school.urn() + "/pupils\"")));
    }

    @Test
    void aLongListIsPaged() throws Exception {
        fixtures.pupils(school, SchoolPupilsPage.PAGE_SIZE);
        int total = SchoolPupilsPage.PAGE_SIZE + 2;
        mvc.perform(get("/schools/{urn}/pupils", school.urn()).with(user(officer)))
                .andExpect(content().string(containsString(total + " pupils, page 1 of 2")))
                .andExpect(content().string(containsString("<nav class=\"govuk-pagination\" aria-label=\"Pages of pupils\">")))
                .andExpect(content().string(containsString("href=\"/schools/" + school.urn() + "/pupils?band=all&amp;sort=name&amp;page=2\" rel=\"next\"")));
        String second = mvc.perform(get("/schools/{urn}/pupils", school.urn()).param("page", "2").with(user(officer)))
                .andExpect(content().string(containsString(total + " pupils, page 2 of 2")))
                .andExpect(content().string(containsString("rel=\"prev\"")))
                .andReturn().getResponse().getContentAsString();
        assertThat(second.split("href=\"/pupils/", -1)).hasSize(3);
        mvc.perform(get("/schools/{urn}/pupils", school.urn()).param("page", "0").with(user(officer)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void namesAreEscapedOnEveryPage() throws Exception {
        String hostile = fixtures.newUpn();
        schools.savePupils(school.urn(), List.of(new SchoolAdministration.PupilData(hostile, "<script>alert(1)</script>",
                "O'Brien & <b>Sons</b>", LocalDate.of(2017, 1, 1), 4, LocalDate.of(2024, 9, 1), Set.of(), null, List.of())));

        mvc.perform(get("/pupils/{upn}", hostile).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &lt;b&gt;Sons&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(not(containsString("<b>Sons"))));
        mvc.perform(post("/pupils").param("q", "<script>").with(user(officer)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"&lt;script&gt;\"")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        mvc.perform(get("/schools/{urn}/pupils", school.urn()).with(user(officer)))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("O&#39;Brien &amp; &lt;b&gt;Sons&lt;/b&gt;, &lt;script&gt;")));
    }

    private void load(List<Map<String, String>> marks) throws Exception {
        mvc.perform(post("/api/schools/{urn}/marks", school.urn()).with(user(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(new ObjectMapper().writeValueAsString(marks)))
                .andExpect(status().isOk());
    }

    private static Map<String, String> mark(String upn, LocalDate date, String session, String code, String reason) {
        var mark = new java.util.LinkedHashMap<String, String>(Map.of("upn", upn, "date", date.toString(),
                "session", session, "code", code));
        if (reason != null) {
            mark.put("reason", reason);
        }
        return mark;
    }

    private static StaffUser staff(String username, Role role, Set<String> schools, String laCode) {
        return new StaffUser(username, "unused", "Test " + role, Set.of(role), schools, laCode, true);
    }
}
