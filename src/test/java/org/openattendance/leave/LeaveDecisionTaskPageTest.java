package org.openattendance.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.shared.BritishDates;

/**
 * The headteacher decides from the task page, which shows the request itself; the inbox names the pupil, school and
 * what the task is part of; the decision is recorded with British dates.
 */
@IntegrationTest
class LeaveDecisionTaskPageTest extends LeavePageTest {

    @Test
    void theDecisionTaskShowsTheRequestAndAPartGrantIsRecordedWithBritishDates() throws Exception {
        var f = leave.family();
        LocalDate from = LeaveTestSupport.weekdaysAhead(10);
        while (from.getDayOfWeek() != DayOfWeek.MONDAY) {
            from = from.plusDays(1);
        }
        LocalDate to = from.plusDays(1);
        var s = leave.start(f, from, to, LeaveReason.FUNERAL);
        String officerName = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(f.urn()), null);
        var officer = signedIn.as(officerName);
        mvc.perform(post("/tasks/{id}", leave.one(s, "check-request").getId()).param("fromParentLivingWithPupil", "YES")
                        .param("complete", "YES").param("checkNotes", "Order of service attached").with(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String taskId = leave.one(s, "decide").getId();
        var head = signedIn.newUser(Role.HEADTEACHER, Set.of(f.urn()), null);

        mvc.perform(get("/tasks/{id}", taskId).with(head)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 class=\"govuk-heading-l\">Decide the leave request</h1>")))
                .andExpect(content().string(containsString("id=\"leave-request\"")))
                .andExpect(content().string(containsString(BritishDates.WEEKDAY.format(from) + " from the morning to "
                        + BritishDates.WEEKDAY.format(to) + ", the end of the day (4 school sessions)")))
                .andExpect(content().string(containsString("A funeral")))
                .andExpect(content().string(containsString("Order of service attached (" + officerName + ")")))
                .andExpect(content().string(containsString("id=\"advice\"")))
                .andExpect(content().string(not(containsString("Not screened yet"))))
                .andExpect(content().string(containsString("Ann " + f.surname() + " (on paper)")))
                // The partial grant's days are GOV.UK date inputs, labelled by the form's dateLabel.
                .andExpect(content().string(containsString("First day granted (only when granting some of the days)")))
                .andExpect(content().string(containsString("name=\"grantedFrom-day\"")))
                .andExpect(content().string(not(containsString("YYYY-MM-DD"))));

        mvc.perform(get("/inbox").with(head)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("/tasks/" + taskId),
                        containsString(f.forename() + " " + f.surname()), containsString(">Leave of absence request<"))));

        // A day that does not exist: GOV.UK's message, nothing decided.
        mvc.perform(post("/tasks/{id}", taskId).param("decision", "GRANT_PART").param("code", "C")
                        .param("grantedFrom-day", "31").param("grantedFrom-month", "2").param("grantedFrom-year", "2027")
                        .param("grantedTo-day", String.valueOf(to.getDayOfMonth()))
                        .param("grantedTo-month", String.valueOf(to.getMonthValue()))
                        .param("grantedTo-year", String.valueOf(to.getYear()))
                        .param("decisionReasons", "One day is enough").with(head).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "<a href=\"#field-grantedFrom-day\">First day granted (only when granting some of the days) must be a real date</a>")))
                .andExpect(content().string(containsString("value=\"31\"")));
        assertThat(leave.request(s).decidedAt()).isNull();

        mvc.perform(post("/tasks/{id}", taskId).param("decision", "GRANT_PART").param("code", "C")
                        .param("grantedFrom-day", String.valueOf(to.getDayOfMonth()))
                        .param("grantedFrom-month", String.valueOf(to.getMonthValue()))
                        .param("grantedFrom-year", String.valueOf(to.getYear())).param("grantedFromSession", "AM")
                        .param("grantedTo-day", String.valueOf(to.getDayOfMonth()))
                        .param("grantedTo-month", String.valueOf(to.getMonthValue()))
                        .param("grantedTo-year", String.valueOf(to.getYear())).param("grantedToSession", "PM")
                        .param("decisionReasons", "The day of the funeral").with(head).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(leave.request(s).grantedFrom()).isEqualTo(to);
        // The decision letter goes to each parent with parental responsibility after the decision's transaction:
        // wait for it, so that no e-mail of this test arrives during another.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from outbox_message o "
                + "join letter l on l.id = o.letter_id where l.upn = ?", Integer.class, f.upn()) == 2);

        mvc.perform(get("/leave-requests/{id}", s.requestId()).with(head)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Granted " + BritishDates.DAY.format(to) + " as C.")))
                .andExpect(content().string(not(containsString(to.toString()))));
    }
}
