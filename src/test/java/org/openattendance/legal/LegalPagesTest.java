package org.openattendance.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.openattendance.legal.LegalFixtures.holiday;
import static org.openattendance.legal.LegalFixtures.sam;
import static org.openattendance.legal.LegalFixtures.weekOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.casework.CaseProcessSupport;
import org.openattendance.security.Role;
import org.openattendance.shared.BritishDates;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The legal pages: the school's request form (the evidence from the case, what is missing, refused while an item is
 * missing and naming it), the request in full on the LA's decision task and on its own page, a notice's page with its
 * dates, payments (the LA's officers only) and withdrawal, the LA's register with its filters and CSV, and the pupil
 * page's legal section with the real records. Scope as everywhere: 404 outside it.
 */
@IntegrationTest
class LegalPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LegalFixtures families;
    @Autowired
    CaseProcessSupport cases;
    @Autowired
    PenaltyRequests requests;
    @Autowired
    PenaltyNotices notices;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clock() {
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    static MockHttpServletRequestBuilder requestForm(String upn, String action, String dobDay) {
        var week = weekOf(3);
        return post("/pupils/{upn}/penalty-notice-request", upn).with(csrf()).param("action", action)
                .param("route", "TERM_TIME_HOLIDAY")
                .param("periodFrom-day", "" + week.get(0).getDayOfMonth()).param("periodFrom-month", "" + week.get(0).getMonthValue())
                .param("periodFrom-year", "" + week.get(0).getYear())
                .param("periodTo-day", "" + week.get(4).getDayOfMonth()).param("periodTo-month", "" + week.get(4).getMonthValue())
                .param("periodTo-year", "" + week.get(4).getYear())
                .param("parentCount", "2")
                .param("parent-0-include", "true").param("parent-0-onRecord", "true").param("parent-0-name", "Sam Parent")
                .param("parent-0-address", "1 High Street, Northtown").param("parent-0-dob-day", dobDay)
                .param("parent-0-dob-month", "6").param("parent-0-dob-year", "1984")
                .param("parent-1-name", "").param("parent-1-address", "")
                .param("schoolStatement", "Taken on holiday after the headteacher refused leave in writing.");
    }

    @Test
    void theSchoolsFormShowsTheEvidenceRefusesWhileAnItemIsMissingAndTheLaDecidesOnTheWholeRequest() throws Exception {
        var c = cases.openCase();
        long pupilId = jdbc.queryForObject("select id from pupil where upn = ?", Long.class, c.upn());
        String school = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(c.schoolUrn()), null);
        String la = fixtures.user(Role.LA_OFFICER, Set.of(), c.laCode());
        families.marks(pupilId, "G", weekOf(3));

        mvc.perform(get("/pupils/{upn}/penalty-notice-request", c.upn()).with(as(school))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"case-not-waiting\"")));
        cases.send(c, "PenaltyThresholdMet");
        cases.complete(c, "consider-notice", "recommendation", "PENALTY_NOTICE");

        mvc.perform(get("/pupils/{upn}/penalty-notice-request", c.upn()).with(as(school))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Request a penalty notice from the LA")))
                .andExpect(content().string(containsString("10 sessions coded G, N, O or U in the period")))
                .andExpect(content().string(containsString("Still missing or wrong")))
                .andExpect(content().string(containsString("Date of birth of Sam Parent is missing")))
                .andExpect(content().string(not(containsString("id=\"case-not-waiting\""))));
        mvc.perform(get("/pupils/{upn}/penalty-notice-request", c.upn()).with(as(la))).andExpect(status().isForbidden());

        mvc.perform(requestForm(c.upn(), "send", "").with(as(school))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString("href=\"#parent-0-dob\"")))
                .andExpect(content().string(containsString("Date of birth of Sam Parent is missing")));
        assertThat(requests.ofPupil(pupilId)).isEmpty();
        mvc.perform(requestForm(c.upn(), "send", "31").param("parent-0-dob-month", "2").with(as(school)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The date of birth of Sam Parent must be a real date")));

        String location = mvc.perform(requestForm(c.upn(), "send", "2").with(as(school)))
                .andExpect(redirectedUrlPattern("/penalty-notice-requests/*")).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as(school))).andExpect(status().isOk())
                .andExpect(content().string(containsString("With the LA for a decision")))
                .andExpect(content().string(containsString("2 June 1984")));

        String task = cases.one(c, "decide-request").getId();
        mvc.perform(get("/tasks/{id}", task).with(as(la))).andExpect(status().isOk())
                .andExpect(content().string(containsString("The school's request for a penalty notice")))
                .andExpect(content().string(containsString("A term-time holiday (no Notice to Improve needed)")))
                .andExpect(content().string(containsString("The first in 3 years, £80.00 if paid within 21 days")))
                .andExpect(content().string(containsString("Taken on holiday after the headteacher refused leave in writing.")))
                .andExpect(content().string(not(containsString("TERM_TIME_HOLIDAY"))));
        mvc.perform(post("/tasks/{id}", task).with(as(la)).with(csrf()).param("requestDecision", "REFUSE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("say why the request is refused")));
        mvc.perform(post("/tasks/{id}", task).with(as(la)).with(csrf()).param("requestDecision", "APPROVE")
                .param("decisionReasons", "The holiday was refused in writing beforehand")).andExpect(redirectedUrl("/inbox"));

        String number = notices.ofPupil(pupilId).get(0).number();
        mvc.perform(get(location).with(as(school))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Approved")))
                .andExpect(content().string(containsString("The holiday was refused in writing beforehand")))
                .andExpect(content().string(containsString("href=\"/penalty-notices/" + number + "\"")));
        String stranger = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(fixtures.school(c.laCode()).urn()), null);
        mvc.perform(get(location).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/pupils/{upn}/penalty-notice-request", c.upn()).with(as(stranger))).andExpect(status().isNotFound());
    }

    record Issued(LegalFixtures.Child child, Fixtures.TestSchool school, String number) {
    }

    Issued issued(Fixtures.TestSchool school, RequestForm.ParentLine parent) {
        var family = school == null ? families.family(1)
                : families.family(school, 1, List.of(LegalFixtures.parent(parent.name())));
        var child = family.child();
        families.marks(child.pupilId(), "G", weekOf(3));
        var request = requests.submit(child.caseId(), child.upn(), holiday(3, parent), "officer.test");
        var approved = requests.approve(request.id(), "la.test", null);
        String number = jdbc.queryForObject("select number from legal_penalty_notice where id = ?", String.class,
                approved.parents().get(0).noticeId());
        return new Issued(child, family.school(), number);
    }

    @Test
    void aNoticesPageShowsTheDayItWasServedOnceServiceIsRecorded() throws Exception {
        var n = issued(null, sam());
        String la = fixtures.user(Role.LA_OFFICER, Set.of(), n.school().laCode());
        mvc.perform(get("/penalty-notices/{n}", n.number()).with(as(la))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Not recorded yet")));

        LocalDate posted = LegalEngine.today();
        notices.serve(notices.findByNumber(n.number()).orElseThrow().id(), ServiceMethod.SECOND_CLASS_POST, posted,
                "la.test");
        var served = notices.findByNumber(n.number()).orElseThrow();
        mvc.perform(get("/penalty-notices/{n}", n.number()).with(as(la))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Posted second class on " + BritishDates.day(posted))))
                .andExpect(content().string(containsString(BritishDates.day(served.service().receivedOn()))))
                .andExpect(content().string(not(containsString("Not recorded yet"))));
    }

    @Test
    void aNoticesPageShowsItsDatesAndOnlyTheLasOfficersRecordPaymentsOrWithdrawIt() throws Exception {
        var n = issued(null, sam());
        notices.serve(notices.findByNumber(n.number()).orElseThrow().id(), ServiceMethod.FIRST_CLASS_POST,
                LegalEngine.today(), "la.test");
        var notice = notices.findByNumber(n.number()).orElseThrow();
        String school = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(n.school().urn()), null);
        String la = fixtures.user(Role.LA_OFFICER, Set.of(), n.school().laCode());

        mvc.perform(get("/penalty-notices/{n}", n.number()).with(as(school))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sam Parent")))
                .andExpect(content().string(containsString(BritishDates.day(notice.service().receivedOn()))))
                .andExpect(content().string(containsString(BritishDates.day(notice.reducedBy()))))
                .andExpect(content().string(containsString(BritishDates.day(notice.fullBy()))))
                .andExpect(content().string(containsString("£160.00")))
                .andExpect(content().string(not(containsString("id=\"payment-form\""))))
                .andExpect(content().string(not(containsString("id=\"withdraw-form\""))));
        mvc.perform(post("/penalty-notices/{n}/payments", n.number()).with(as(school)).with(csrf())
                .param("amount", "80")).andExpect(status().isForbidden());

        mvc.perform(get("/penalty-notices/{n}", n.number()).with(as(la))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"payment-form\"")))
                .andExpect(content().string(containsString("id=\"withdraw-form\"")));
        LocalDate today = LegalEngine.today();
        mvc.perform(post("/penalty-notices/{n}/payments", n.number()).with(as(la)).with(csrf()).param("amount", "eighty")
                        .param("paidOn-day", "" + today.getDayOfMonth()).param("paidOn-month", "" + today.getMonthValue())
                        .param("paidOn-year", "" + today.getYear()).param("reference", "BANK-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The amount must be in pounds and pence")));
        mvc.perform(post("/penalty-notices/{n}/payments", n.number()).with(as(la)).with(csrf()).param("amount", "50")
                        .param("paidOn-day", "" + today.getDayOfMonth()).param("paidOn-month", "" + today.getMonthValue())
                        .param("paidOn-year", "" + today.getYear()).param("reference", "BANK-1"))
                .andExpect(redirectedUrl("/penalty-notices/" + n.number()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("done",
                        "Payment of £50.00 recorded. Still due: £30.00."));
        mvc.perform(post("/penalty-notices/{n}/payments", n.number()).with(as(la)).with(csrf()).param("amount", "30.00")
                        .param("paidOn-day", "" + today.getDayOfMonth()).param("paidOn-month", "" + today.getMonthValue())
                        .param("paidOn-year", "" + today.getYear()).param("reference", "BANK-2"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("done",
                        "Payment of £30.00 recorded. The notice is paid in full."));
        mvc.perform(get("/penalty-notices/{n}", n.number()).with(as(school))).andExpect(status().isOk())
                .andExpect(content().string(containsString("BANK-1")))
                .andExpect(content().string(containsString("BANK-2")))
                .andExpect(content().string(containsString(">Paid<")))
                // who recorded the payments, by name (the fixture's users are called "Test <role>"), not by username
                .andExpect(content().string(containsString("Test " + Role.LA_OFFICER + ", ")));

        var other = issued(n.school(), sam());
        mvc.perform(post("/penalty-notices/{n}/withdrawal", other.number()).with(as(la)).with(csrf())
                        .param("reason", "Moved away"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Select the ground for withdrawing the notice")));
        mvc.perform(post("/penalty-notices/{n}/withdrawal", other.number()).with(as(la)).with(csrf())
                        .param("ground", "WRONG_PERSON_OR_ADDRESS").param("reason", "Sam Parent moved out in July"))
                .andExpect(redirectedUrl("/penalty-notices/" + other.number()));
        assertThat(notices.findByNumber(other.number()).orElseThrow().status()).isEqualTo(PenaltyNoticeStatus.WITHDRAWN);
        String otherLa = fixtures.user(Role.LA_OFFICER, Set.of(), fixtures.school(fixtures.newLaCode()).laCode());
        mvc.perform(get("/penalty-notices/{n}", n.number()).with(as(otherLa))).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and subject_type = "
                + "'penalty-notice' and pupil_upn = ?", Integer.class, school, n.child().upn())).isEqualTo(2);
    }

    @Test
    void theLasRegisterFiltersAndExportsAndSchoolsSeeTheirOwn() throws Exception {
        var first = issued(null, sam());
        var second = issued(fixtures.school(first.school().laCode()),
                new RequestForm.ParentLine("=HYPERLINK(\"http://x\")", "2 Low Road", LocalDate.of(1980, 1, 1), null));
        notices.withdraw(second.number(), WithdrawalGround.MATERIAL_ERROR, "Wrong dates", "la.test");
        String code = first.school().laCode();
        String la = fixtures.user(Role.LA_OFFICER, Set.of(), code);
        String school = fixtures.user(Role.HEADTEACHER, Set.of(first.school().urn()), null);

        mvc.perform(get("/penalty-notices").with(as(la))).andExpect(redirectedUrl("/las/" + code + "/penalty-notices"));
        mvc.perform(get("/las/{code}/penalty-notices", code).with(as(la))).andExpect(status().isOk())
                .andExpect(content().string(containsString(first.number())))
                .andExpect(content().string(containsString(second.number())))
                .andExpect(content().string(containsString("2 notices match.")));
        mvc.perform(get("/las/{code}/penalty-notices", code).param("status", "WITHDRAWN").with(as(la)))
                .andExpect(content().string(not(containsString(first.number()))))
                .andExpect(content().string(containsString(second.number())))
                .andExpect(content().string(containsString("href=\"/las/" + code + "/penalty-notices.csv?status=WITHDRAWN\"")));
        LocalDate today = LegalEngine.today();
        mvc.perform(get("/las/{code}/penalty-notices", code).param("from-day", "" + today.getDayOfMonth())
                        .param("from-month", "" + today.getMonthValue()).param("from-year", "" + today.getYear())
                        .param("to-day", "1").param("to-month", "1").param("to-year", "2000").with(as(la)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Issued to must be the same as or after issued from")));
        mvc.perform(get("/las/{code}/penalty-notices", code).param("school", second.school().urn()).with(as(school)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/las/{code}/penalty-notices", code).with(as(school))).andExpect(status().isOk())
                .andExpect(content().string(containsString(first.number())))
                .andExpect(content().string(not(containsString(second.number()))));

        String csv = mvc.perform(get("/las/{code}/penalty-notices.csv", code).with(as(la)))
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("Notice number,UPN,Pupil").contains(first.number(), second.number())
                .contains("'=HYPERLINK").doesNotContain(",=HYPERLINK", ",\"=HYPERLINK");
        String otherLa = fixtures.user(Role.LA_OFFICER, Set.of(), fixtures.school(fixtures.newLaCode()).laCode());
        mvc.perform(get("/las/{code}/penalty-notices", code).with(as(otherLa))).andExpect(status().isNotFound());
        mvc.perform(get("/las/{code}/penalty-notices.csv", code).with(as(otherLa))).andExpect(status().isNotFound());
    }

    @Test
    void thePupilPageShowsTheRealRecordsAndWhereThePupilStands() throws Exception {
        var n = issued(null, sam());
        String la = fixtures.user(Role.LA_OFFICER, Set.of(), n.school().laCode());
        String school = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(n.school().urn()), null);
        String socialWorkerElsewhere = fixtures.user(Role.SOCIAL_WORKER, Set.of(), n.school().laCode());

        mvc.perform(get("/pupils/{upn}", n.child().upn()).with(as(la))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Legal stages and notices")))
                .andExpect(content().string(containsString("Where the pupil stands:")))
                .andExpect(content().string(containsString("Penalty notice " + n.number() + " issued to Sam Parent")))
                .andExpect(content().string(containsString("href=\"/penalty-notices/" + n.number() + "\"")))
                .andExpect(content().string(containsString("id=\"evidence-pack-link\"")))
                .andExpect(content().string(not(containsString("id=\"request-link\""))))
                .andExpect(content().string(not(containsString("not recorded as their own records yet"))));
        mvc.perform(get("/pupils/{upn}", n.child().upn()).with(as(school))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"request-link\"")));
        mvc.perform(get("/pupils/{upn}", n.child().upn()).with(as(socialWorkerElsewhere))).andExpect(status().isNotFound());
    }
}
