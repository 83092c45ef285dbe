package org.openattendance.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public leave-request page is rate-limited per client address, per child and per parent's e-mail address, in
 * limits every node shares; over a limit it answers 429 with a GOV.UK page, and nothing is stored or e-mailed. A
 * request whose details match a pupil and a parent answers after the same time as one whose details do not.
 */
@IntegrationTest
class LeavePageLimitsTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() % 200));

    @Autowired
    MockMvc mvc;
    @Autowired
    LeaveTestSupport leave;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${openattendance.leave.limits.posts-per-address}")
    int postsPerAddress;
    @Value("${openattendance.leave.public-answer-time:PT1S}")
    Duration answerTime;

    @Test
    void oneAddressSendingTooManyFormsGetsThe429Page() throws Exception {
        String address = newAddress();
        for (int i = 0; i < postsPerAddress; i++) {
            int status = mvc.perform(from(address, post("/leave-request").param("school", "").with(csrf())))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as("form %d, with problems to correct", i).isEqualTo(400);
        }

        MvcResult refused = mvc.perform(from(address, post("/leave-request").param("school", "").with(csrf()))).andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 3600L);
        String page = refused.getResponse().getContentAsString();
        assertThat(page).contains("<title>Sorry, there have been too many attempts – Open Attendance</title>")
                .contains("govuk-heading-l").contains("minutes</strong> and try again")
                .doesNotContain("Exception");
        assertThat(mvc.perform(from(address, post("/leave-request/confirm/" + "x".repeat(43)).with(csrf())))
                .andReturn().getResponse().getStatus()).as("confirming counts too").isEqualTo(429);
        assertThat(mvc.perform(from(newAddress(), post("/leave-request").param("school", "").with(csrf())))
                .andReturn().getResponse().getStatus()).as("another address").isEqualTo(400);
    }

    @Test
    void oneParentGetsNoMoreThanFiveConfirmationEmailsWhereverTheRequestsComeFrom() throws Exception {
        var f = leave.family();
        LocalDate day = LeaveTestSupport.weekdaysAhead(10);
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            // A different address each time: the per-parent limit does not depend on where requests come from.
            int status = mvc.perform(from(newAddress(), ask(f, f.motherEmail(), day, f.dateOfBirth()))).andReturn()
                    .getResponse().getStatus();
            assertThat(status).isIn(302, 429);
            refused += status == 429 ? 1 : 0;
        }

        assertThat(refused).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where lower(recipient) = lower(?)",
                Integer.class, f.motherEmail())).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from leave_request where upn = ?", Integer.class, f.upn())).isEqualTo(5);
    }

    @Test
    void theLimitPerChildHoldsWhetherOrNotTheDetailsMatchAnyone() throws Exception {
        var f = leave.family();
        LocalDate wrongBirthday = f.dateOfBirth().minusDays(1);
        LocalDate day = LeaveTestSupport.weekdaysAhead(12);
        int answeredLikeAMatch = 0;
        for (int i = 0; i < 5; i++) {
            String email = "someone" + i + "." + f.upn().toLowerCase() + "@example.org";
            answeredLikeAMatch += mvc.perform(from(newAddress(), ask(f, email, day, wrongBirthday))).andReturn()
                    .getResponse().getStatus() == 302 ? 1 : 0;
        }
        var sixth = mvc.perform(from(newAddress(), ask(f, "sixth." + f.upn().toLowerCase() + "@example.org", day,
                wrongBirthday))).andReturn();

        assertThat(answeredLikeAMatch).isEqualTo(5);
        assertThat(sixth.getResponse().getStatus()).isEqualTo(429);
        assertThat(jdbc.queryForObject("select count(*) from rate_limit_bucket where id like 'leave-request-%' and id like ?",
                Integer.class, "%" + f.surname().toLowerCase() + "%")).as("no names in the limits table").isZero();
    }

    @Test
    void matchingAndNonMatchingRequestsAnswerAfterTheSameTime() throws Exception {
        var f = leave.family();
        LocalDate day = LeaveTestSupport.weekdaysAhead(14);

        long matching = timed(from(newAddress(), ask(f, f.motherEmail(), day, f.dateOfBirth())));
        long notMatching = timed(from(newAddress(), ask(f, f.motherEmail(), day, f.dateOfBirth().plusDays(3))));

        assertThat(jdbc.queryForObject("select count(*) from leave_request where upn = ?", Integer.class, f.upn()))
                .as("the matching request took the longer path: stored, with an e-mail queued").isEqualTo(1);
        assertThat(matching).isGreaterThanOrEqualTo(answerTime.toMillis());
        assertThat(notMatching).isGreaterThanOrEqualTo(answerTime.toMillis());
    }

    private long timed(MockHttpServletRequestBuilder request) throws Exception {
        long started = System.nanoTime();
        int status = mvc.perform(request).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(302);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static MockHttpServletRequestBuilder ask(LeaveTestSupport.Family f, String email, LocalDate day, LocalDate born) {
        return multipart("/leave-request")
                .param("school", f.urn()).param("forename", f.forename()).param("surname", f.surname())
                .param("dobDay", String.valueOf(born.getDayOfMonth()))
                .param("dobMonth", String.valueOf(born.getMonthValue()))
                .param("dobYear", String.valueOf(born.getYear()))
                .param("email", email).param("fromDate", day.toString()).param("fromSession", "AM")
                .param("toDate", day.toString()).param("toSession", "PM").param("reason", "FUNERAL")
                .param("details", "A funeral").with(csrf());
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250 % 100) + "." + (1 + n % 250);
    }
}
