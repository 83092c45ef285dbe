package org.openattendance.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.shared.BritishDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The parent's leave form asks for dates with GOV.UK date inputs, says what is wrong in sentences a parent
 * understands, and e-mails the dates as people write them.
 */
@IntegrationTest
class LeaveFormWordsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    LeaveTestSupport leave;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFormUsesGovUkDateInputsAndItsMessagesAreSentences() throws Exception {
        Document empty = Jsoup.parse(mvc.perform(get("/leave-request")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        for (String date : new String[] {"dateOfBirth", "fromDate", "toDate"}) {
            assertThat(empty.select("#" + date + ".govuk-date-input input")).extracting(e -> e.attr("name"))
                    .containsExactly(date + "-day", date + "-month", date + "-year");
        }
        assertThat(empty.select("input[type=date]")).isEmpty();

        var f = leave.family();
        var posted = (MockMultipartHttpServletRequestBuilder) multipart("/leave-request")
                .param("school", f.urn()).param("forename", "Robin").param("surname", f.surname())
                .param("dateOfBirth-day", "31").param("dateOfBirth-month", "2").param("dateOfBirth-year", "2017")
                .param("email", f.motherEmail())
                .param("fromDate-day", "7").param("fromDate-month", "").param("fromDate-year", "2027")
                .param("toDate-day", "8").param("toDate-month", "1").param("toDate-year", "27")
                .param("details", "").param("parentsTravelling", "");
        Document page = Jsoup.parse(mvc.perform(posted.with(csrf())).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString());

        assertThat(page.title()).startsWith("Error: ");
        assertThat(page.select("#error-list a")).extracting(a -> a.attr("href") + " " + a.text()).contains(
                "#dateOfBirth-day Your child's date of birth must be a real date",
                "#fromDate-day First day away must include a month",
                "#toDate-day Year must include 4 numbers",
                "#reason-0 Choose the reason for the absence");
        assertThat(page.text()).doesNotContain("must be one of", "FAMILY_HOLIDAY", "YYYY-MM-DD", "is required");
        // What was typed stays, and the box in error is marked.
        assertThat(page.getElementById("fromDate-day").val()).isEqualTo("7");
        assertThat(page.getElementById("fromDate-month").hasClass("govuk-input--error")).isTrue();
        assertThat(page.getElementById("fromDate-day").hasClass("govuk-input--error")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from leave_request where upn = ?", Integer.class, f.upn())).isZero();
    }

    @Test
    void aRequestFromTheDateInputsIsMadeAndTheEmailGivesTheDatesInWords() throws Exception {
        var f = leave.family();
        LocalDate from = LeaveTestSupport.weekdaysAhead(10);
        LocalDate to = LeaveTestSupport.weekdaysAhead(11);
        LocalDate born = f.dateOfBirth();
        mvc.perform(((MockMultipartHttpServletRequestBuilder) multipart("/leave-request")
                        .param("school", f.urn()).param("forename", "Robin").param("surname", f.surname())
                        .param("dateOfBirth-day", String.valueOf(born.getDayOfMonth()))
                        .param("dateOfBirth-month", String.valueOf(born.getMonthValue()))
                        .param("dateOfBirth-year", String.valueOf(born.getYear()))
                        .param("email", f.motherEmail())
                        .param("fromDate-day", String.valueOf(from.getDayOfMonth()))
                        .param("fromDate-month", String.valueOf(from.getMonthValue()))
                        .param("fromDate-year", String.valueOf(from.getYear())).param("fromSession", "AM")
                        .param("toDate-day", String.valueOf(to.getDayOfMonth()))
                        .param("toDate-month", String.valueOf(to.getMonthValue()))
                        .param("toDate-year", String.valueOf(to.getYear())).param("toSession", "PM")
                        .param("reason", "FUNERAL").param("details", "My father's funeral"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/leave-request/sent"));
        String body = jdbc.queryForObject("select body from outbox_message where recipient = ? and letter_id is null "
                + "order by id desc limit 1", String.class, f.motherEmail());
        assertThat(body).contains(BritishDates.WEEKDAY.format(from) + " to " + BritishDates.WEEKDAY.format(to))
                .doesNotContain(from.toString());
    }
}
