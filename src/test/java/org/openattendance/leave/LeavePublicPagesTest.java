package org.openattendance.leave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.openattendance.support.Fixtures.PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The parent's pages, end to end: ask, confirm by the e-mailed link, the school's process, the register. */
@IntegrationTest
class LeavePublicPagesTest {

    private static final Pattern CONFIRM = Pattern.compile("/leave-request/confirm/([A-Za-z0-9_-]{43})");
    private static final Pattern STATUS = Pattern.compile("/leave-request/status/([A-Za-z0-9_-]{43})");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF".getBytes();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LeaveTestSupport leave;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFormNeedsNoSignInAndCarriesACsrfToken() throws Exception {
        var f = leave.family();
        mvc.perform(get("/leave-request"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(containsString("value=\"" + f.urn() + "\"")))
                .andExpect(content().string(not(containsString("<script>"))));
        mvc.perform(ask(f, f.motherEmail(), LeaveTestSupport.weekdaysAhead(10))).andExpect(status().isForbidden());
    }

    @Test
    void fromThePublicPageThroughTheLinkTheOfficeAndTheHeadteacherToCInTheRegisterAndALetterToEachParent() throws Exception {
        var f = leave.family();
        LocalDate from = LeaveTestSupport.weekdaysAhead(10);
        LocalDate to = LeaveTestSupport.weekdaysAhead(11);

        mvc.perform(ask(f, f.motherEmail().toUpperCase(), from, to).file(new MockMultipartFile("evidence", "order.pdf",
                        "application/pdf", PDF)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/leave-request/sent"));
        mvc.perform(get("/leave-request/sent")).andExpect(content().string(containsString("If these details match our records")));
        assertThat(jdbc.queryForList("select status from leave_request where upn = ?", String.class, f.upn()))
                .containsExactly("UNCONFIRMED");
        String token = linkIn(f.motherEmail(), CONFIRM);
        assertThat(jdbc.queryForObject("select count(*) from leave_link where token_hash = ?", Integer.class, token)).isZero();

        mvc.perform(get("/leave-request/confirm/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Confirm my request")));
        String location = mvc.perform(post("/leave-request/confirm/" + token).with(csrf()))
                .andExpect(redirectedUrlPattern("/leave-request/status/*")).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/leave-request/status/" + linkIn(f.motherEmail(), STATUS));
        mvc.perform(get(location)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Received")))
                .andExpect(content().string(containsString("Withdraw the request")));

        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(f.urn()), null);
        String head = fixtures.user(Role.HEADTEACHER, Set.of(f.urn()), null);
        var request = http.withBasicAuth(officer, PASSWORD).exchange("/api/pupils/" + f.upn() + "/leave-requests",
                HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).getBody().get(0);
        assertThat(request).containsEntry("status", "SUBMITTED").containsEntry("channel", "ONLINE")
                .containsEntry("requestedBy", "Ann " + f.surname());
        var full = http.withBasicAuth(officer, PASSWORD).getForObject("/api/leave-requests/" + request.get("id"), Map.class);
        assertThat((List<?>) full.get("evidence")).hasSize(1);

        complete(officer, "check-request", Map.of("fromParentLivingWithPupil", "YES", "complete", "YES",
                "checkNotes", "Order of service attached."));
        complete(head, "decide", Map.of("decision", "GRANT", "code", "C", "decisionReasons", "A family funeral abroad."));

        for (LocalDate day : List.of(from, to)) {
            assertThat(leave.code(f, day, "AM")).isEqualTo("C");
            assertThat(leave.code(f, day, "PM")).isEqualTo("C");
        }
        @SuppressWarnings("unchecked")
        var marks = (List<Map<String, Object>>) http.withBasicAuth(officer, PASSWORD)
                .getForObject("/api/pupils/" + f.upn() + "/marks?from=" + from + "&to=" + to, Map.class).get("marks");
        assertThat(marks).hasSize(4).allSatisfy(m -> assertThat(m).containsEntry("code", "C").containsEntry("source", "LEAVE_REQUEST"));
        leave.letterHtml(f);
        assertThat(jdbc.queryForList("select o.recipient from outbox_message o join letter l on l.id = o.letter_id "
                + "where l.pupil_id = ?", String.class, f.pupilId())).containsExactlyInAnyOrder(f.motherEmail(), f.fatherEmail());
        mvc.perform(get(location)).andExpect(content().string(containsString("Granted")))
                .andExpect(content().string(not(containsString("Withdraw the request"))));
    }

    @Test
    void detailsThatMatchNoPupilOrNoParentGetTheSameAnswerAndNothingIsStoredOrSent() throws Exception {
        var f = leave.family();
        LocalDate from = LeaveTestSupport.weekdaysAhead(10);
        int outbox = jdbc.queryForObject("select count(*) from outbox_message", Integer.class);

        // A parent with parental responsibility who does not live with the pupil, a stranger, a wrong birthday.
        for (String email : List.of(f.fatherEmail(), "someone@example.org")) {
            mvc.perform(ask(f, email, from).with(csrf())).andExpect(redirectedUrl("/leave-request/sent"));
        }
        mvc.perform(ask(f, f.motherEmail(), from, from, f.dateOfBirth().plusDays(1)).with(csrf()))
                .andExpect(redirectedUrl("/leave-request/sent"));
        jdbc.update("update pupil set deletion_date = ? where upn = ?", Fixtures.weekdaysAgo(1), f.upn());
        mvc.perform(ask(f, f.motherEmail(), from).with(csrf())).andExpect(redirectedUrl("/leave-request/sent"));

        assertThat(jdbc.queryForObject("select count(*) from leave_request where upn = ?", Integer.class, f.upn())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox_message", Integer.class)).isEqualTo(outbox);
    }

    @Test
    void badInputIsShownOnThePageWithoutSayingAnythingAboutThePupil() throws Exception {
        var f = leave.family();
        mvc.perform(ask(f, f.motherEmail(), Fixtures.weekdaysAgo(2)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("in the past")));
        LocalDate from = LeaveTestSupport.weekdaysAhead(10);
        mvc.perform(ask(f, f.motherEmail(), from, from.minusDays(2)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("the end is before the start")));
        mvc.perform(ask(f, f.motherEmail(), from).file(new MockMultipartFile("evidence", "ticket.pdf", "application/pdf",
                        "not really a pdf".getBytes())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not a PDF, JPEG or PNG file")));
        mvc.perform(ask(f, f.motherEmail(), from).file(new MockMultipartFile("evidence", "big.pdf", "application/pdf",
                        bigPdf())).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("larger than 5 MB")));
        assertThat(jdbc.queryForObject("select count(*) from leave_request where upn = ?", Integer.class, f.upn())).isZero();
    }

    @Test
    void aConfirmationLinkWorksOnceAndNotAfterItExpires() throws Exception {
        var f = leave.family();
        LocalDate from = LeaveTestSupport.weekdaysAhead(10);
        mvc.perform(ask(f, f.motherEmail(), from).with(csrf())).andExpect(redirectedUrl("/leave-request/sent"));
        String token = linkIn(f.motherEmail(), CONFIRM);

        mvc.perform(post("/leave-request/confirm/" + token).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/leave-request/confirm/" + token).with(csrf())).andExpect(status().isGone())
                .andExpect(content().string(containsString("This link no longer works")));
        mvc.perform(get("/leave-request/confirm/" + token)).andExpect(status().isGone());
        assertThat(jdbc.queryForObject("select count(*) from leave_request where upn = ? and status = 'SUBMITTED'",
                Integer.class, f.upn())).isEqualTo(1);

        LocalDate second = LeaveTestSupport.weekdaysAhead(11);
        mvc.perform(ask(f, f.motherEmail(), second).with(csrf()));
        String late = linkIn(f.motherEmail(), CONFIRM);
        jdbc.update("update leave_link set expires_at = now() - interval '1 minute' where token_hash = ?", LeaveLinks.hash(late));
        mvc.perform(post("/leave-request/confirm/" + late).with(csrf())).andExpect(status().isGone());
        mvc.perform(post("/leave-request/confirm/not-a-token").with(csrf())).andExpect(status().isGone());
        assertThat(jdbc.queryForList("select status from leave_request where upn = ? order by created_at", String.class, f.upn()))
                .containsExactly("SUBMITTED", "UNCONFIRMED");

        // Requests nobody confirmed go (with their evidence and links) once their link is long expired.
        jdbc.update("update leave_request set created_at = now() - interval '3 days' where upn = ? and status = 'UNCONFIRMED'", f.upn());
        LocalDate third = LeaveTestSupport.weekdaysAhead(12);
        mvc.perform(ask(f, f.motherEmail(), third).with(csrf()));
        assertThat(jdbc.queryForList("select from_date from leave_request where upn = ? and status = 'UNCONFIRMED'",
                LocalDate.class, f.upn())).containsExactly(third);
    }

    @Test
    void theParentWithdrawsTheRequestWithTheStatusLinkBeforeTheDecision() throws Exception {
        var f = leave.family();
        mvc.perform(ask(f, f.motherEmail(), LeaveTestSupport.weekdaysAhead(10)).with(csrf()));
        String status = mvc.perform(post("/leave-request/confirm/" + linkIn(f.motherEmail(), CONFIRM)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();

        mvc.perform(post(status + "/withdraw").with(csrf())).andExpect(redirectedUrl(status));

        mvc.perform(get(status)).andExpect(content().string(containsString("Withdrawn")));
        assertThat(jdbc.queryForObject("select status from leave_request where upn = ?", String.class, f.upn()))
                .isEqualTo("WITHDRAWN");
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(f.urn()), null);
        assertThat(http.withBasicAuth(officer, PASSWORD).getForObject("/api/tasks?upn=" + f.upn(), List.class)).isEmpty();
        mvc.perform(get("/leave-request/status/unknown")).andExpect(status().isGone());
    }

    private MockMultipartHttpServletRequestBuilder ask(LeaveTestSupport.Family f, String email, LocalDate from) {
        return ask(f, email, from, from);
    }

    private MockMultipartHttpServletRequestBuilder ask(LeaveTestSupport.Family f, String email, LocalDate from, LocalDate to) {
        return ask(f, email, from, to, f.dateOfBirth());
    }

    private MockMultipartHttpServletRequestBuilder ask(LeaveTestSupport.Family f, String email, LocalDate from, LocalDate to,
                                                       LocalDate born) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/leave-request")
                .param("school", f.urn()).param("forename", " robin ").param("surname", f.surname())
                .param("dobDay", String.valueOf(born.getDayOfMonth()))
                .param("dobMonth", String.valueOf(born.getMonthValue()))
                .param("dobYear", String.valueOf(born.getYear()))
                .param("email", email).param("fromDate", from.toString()).param("fromSession", "AM")
                .param("toDate", to.toString()).param("toSession", "PM").param("reason", "FUNERAL")
                .param("details", "My father's funeral in Krakow").param("parentsTravelling", "Ann");
    }

    private String linkIn(String email, Pattern link) {
        var bodies = jdbc.queryForList("select body from outbox_message where recipient = ? and letter_id is null "
                + "order by id desc", String.class, email);
        for (String body : bodies) {
            Matcher m = link.matcher(body);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no link in the e-mails to " + email);
    }

    private void complete(String user, String taskKey, Map<String, Object> form) {
        @SuppressWarnings("unchecked")
        var tasks = (List<Map<String, Object>>) http.withBasicAuth(user, PASSWORD).getForObject("/api/tasks", List.class);
        String id = (String) tasks.stream().filter(t -> taskKey.equals(t.get("taskKey"))).findFirst().orElseThrow().get("id");
        var done = http.withBasicAuth(user, PASSWORD).exchange("/api/tasks/" + id + "/complete", HttpMethod.POST,
                new HttpEntity<>(form), Map.class);
        assertThat(done.getStatusCode()).as(String.valueOf(done.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static byte[] bigPdf() {
        byte[] content = new byte[EvidenceCheck.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, content, 0, PDF.length);
        return content;
    }
}
