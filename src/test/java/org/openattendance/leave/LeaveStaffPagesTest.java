package org.openattendance.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.springframework.mock.web.MockMultipartFile;

/** The staff pages: a paper request entered by the office, the request in full, scope. */
@IntegrationTest
class LeaveStaffPagesTest extends LeavePageTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};

    @Test
    void theOfficeEntersAPaperRequestWithAScanAndSeesItInFull() throws Exception {
        var f = leave.family();
        var officer = signedIn.newUser(Role.ATTENDANCE_OFFICER, Set.of(f.urn()), null);
        LocalDate from = LeaveTestSupport.weekdaysAhead(10);

        mvc.perform(get("/pupils/{upn}/leave-requests/new", f.upn()).with(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ann " + f.surname())));
        String location = mvc.perform(multipart("/pupils/{upn}/leave-requests", f.upn())
                        .file(new MockMultipartFile("evidence", "letter.png", "image/png", PNG))
                        .param("requestedBy", "Ann " + f.surname()).param("fromDate", from.toString()).param("fromSession", "AM")
                        .param("toDate", from.toString()).param("toSession", "PM").param("reason", "WEDDING")
                        .param("details", "Her sister's wedding").with(officer).with(csrf()))
                .andExpect(redirectedUrlPattern("/leave-requests/*")).andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(location).with(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Her sister&#39;s wedding")))
                .andExpect(content().string(containsString("letter.png")))
                .andExpect(content().string(containsString("on paper")));
        mvc.perform(get("/pupils/{upn}/leave-requests", f.upn()).with(officer))
                .andExpect(content().string(containsString(location)));
        mvc.perform(get("/pupils/{upn}", f.upn()).with(officer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"leave-requests\"")))
                .andExpect(content().string(containsString("href=\"" + location + "\"")))
                .andExpect(content().string(containsString("A wedding of a close relative")));
        assertThat(jdbc.queryForObject("select channel from leave_request where upn = ?", String.class, f.upn())).isEqualTo("PAPER");
        String evidence = jdbc.queryForObject("select e.id::text from leave_evidence e join leave_request r on r.id = e.request_id "
                + "where r.upn = ?", String.class, f.upn());
        mvc.perform(get(location + "/evidence/" + evidence).with(officer)).andExpect(status().isOk())
                .andExpect(content().contentType("image/png"));

        mvc.perform(post(location + "/withdraw").with(officer).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(officer)).andExpect(content().string(containsString("Withdrawn")));
    }

    @Test
    void aBadPaperRequestIsShownWithItsProblemsAndOtherSchoolsStaffSeeNothing() throws Exception {
        var f = leave.family();
        var officer = signedIn.newUser(Role.ATTENDANCE_OFFICER, Set.of(f.urn()), null);
        LocalDate from = LeaveTestSupport.weekdaysAhead(10);
        mvc.perform(multipart("/pupils/{upn}/leave-requests", f.upn()).param("fromDate", from.toString())
                        .param("toDate", from.minusDays(3).toString()).param("reason", "WEDDING").with(officer).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("the end is before the start")));

        var other = fixtures.school(f.laCode());
        var stranger = signedIn.newUser(Role.ATTENDANCE_OFFICER, Set.of(other.urn()), null);
        mvc.perform(get("/pupils/{upn}/leave-requests", f.upn()).with(stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/pupils/{upn}/leave-requests/new", f.upn()).with(stranger)).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from leave_request where upn = ?", Integer.class, f.upn())).isZero();
    }
}
