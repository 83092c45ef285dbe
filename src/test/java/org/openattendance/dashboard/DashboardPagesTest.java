package org.openattendance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;

/**
 * The dashboard pages for each role within their scope (404 outside it), the pupils behind a number with its audit
 * entry, the home pages by role, and the CSV exports with formula-like cells made safe.
 */
@IntegrationTest
class DashboardPagesTest extends DashboardScenarioTest {

    @Test
    void aHeadteachersHomeIsTheirSchoolsDashboardWithTheFiguresBesideTheLas() throws Exception {
        mvc.perform(get("/").with(as(s.headA))).andExpect(redirectedUrl("/dashboard"));
        String page = mvc.perform(get("/dashboard").with(as(s.headA))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Test School " + s.schoolA.urn() + ": attendance");
        // 56 of 70 sessions attended: 80.0 %; the LA adds school B's 8 of 10: 64 of 80, 80.0 % too.
        assertThat(page).contains(">80.0%</a>").contains("7 pupils");
        // Persistently absent: a2 (10 of 10), a3 and a4 (exactly 1 of 10 each), a7 (2 of 10): 4 of 7 pupils = 57.1 %.
        assertThat(page).contains(">4 pupils</a>").contains("57.1% of pupils");
        assertThat(page).contains(">1 pupil</a>"); // severely absent: a2
        assertThat(page).contains("Late after the register closed (U)").contains(">1 session</a>");
        assertThat(page).contains("Beside each figure");
        assertThat(page).doesNotContain("Test School " + s.schoolB.urn());
        assertThat(page).contains("id=\"table-by-year\"").contains("Year 3")
                .contains("id=\"table-by-cohort\"").contains("Looked after").contains("FSM");
        assertThat(page).contains("<svg class=\"app-chart\"").contains("id=\"table-trend\"").contains("id=\"table-reasons\"");
        assertThat(page).doesNotContain("style=").doesNotContain("<script>");
    }

    @Test
    void aSchoolManagerCannotSeeAnotherSchoolsFiguresOrPupils() throws Exception {
        String b = "/dashboard/schools/" + s.schoolB.urn();
        for (String path : List.of(b, b + "/pupils?measure=all", b + "/pupils.csv?measure=all", b + "/by-year-group.csv",
                b + "/casework", b + "/casework/tasks", b + "/casework/process", b + "/targeting", b + "/targeting.pdf",
                "/dashboard/las/" + s.schoolA.laCode(), "/dashboard/las/" + s.schoolA.laCode() + "/virtual-school",
                "/dashboard/las/" + s.schoolA.laCode() + "/targeting", "/caseload")) {
            mvc.perform(get(path).with(as(s.managerA))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/pupils?measure=all&school=" + s.schoolB.urn())
                .with(as(s.managerA))).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/schools/" + s.schoolA.urn()).with(as(s.managerA))).andExpect(status().isOk());
    }

    @Test
    void theLaSeesEverySchoolAndAnotherLaSeesNothing() throws Exception {
        String la = "/dashboard/las/" + s.schoolA.laCode();
        mvc.perform(get(la).with(as(s.laOfficer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Test School " + s.schoolA.urn())))
                .andExpect(content().string(containsString("Test School " + s.schoolB.urn())))
                .andExpect(content().string(containsString("id=\"table-by-school\"")));
        String otherLaOfficer = fixtures.user(org.openattendance.security.Role.LA_OFFICER, java.util.Set.of(),
                fixtures.school(fixtures.newLaCode()).laCode());
        mvc.perform(get(la).with(as(otherLaOfficer))).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/schools/" + s.schoolA.urn()).with(as(otherLaOfficer))).andExpect(status().isNotFound());
        mvc.perform(get(la + "/targeting").with(as(s.laOfficer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/dashboard/schools/" + s.schoolA.urn() + "/targeting.pdf")));
    }

    @Test
    void theNumbersLeadToThePupilsBehindThemAndTheListIsAudited() throws Exception {
        long audits = auditsOf(s.headA);
        String page = mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/pupils?measure=persistent")
                        .with(as(s.headA))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains(s.a2).contains(s.a3).contains(s.a4).contains(s.a7).doesNotContain(s.a1)
                .doesNotContain(s.a5).doesNotContain(s.b1).contains("4 pupils");
        // Lowest attendance first: a2 (0 %), a7 (80 %), then a3 and a4 (90 %) by name.
        assertThat(page.indexOf(s.a2)).isLessThan(page.indexOf(s.a7));
        assertThat(page.indexOf(s.a7)).isLessThan(page.indexOf(s.a3));
        assertThat(page.indexOf(s.a3)).isLessThan(page.indexOf(s.a4));
        assertThat(auditsOf(s.headA)).isEqualTo(audits + 1);

        String late = mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/pupils?measure=late").with(as(s.headA)))
                .andReturn().getResponse().getContentAsString();
        assertThat(late).contains(s.a3).doesNotContain(s.a2);
        String fsm = mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/pupils?measure=all&cohort=FSM")
                .with(as(s.headA))).andReturn().getResponse().getContentAsString();
        assertThat(fsm).contains(s.a2).doesNotContain(s.a1);
        String code = mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/pupils?measure=code&code=I")
                .with(as(s.headA))).andReturn().getResponse().getContentAsString();
        assertThat(code).contains(s.a4).contains("1 session of I").doesNotContain(s.a3);
        mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/pupils?measure=everything").with(as(s.headA)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/pupils?week=2026-11-25").with(as(s.headA)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasAreMadeSafe() throws Exception {
        var response = mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/pupils.csv?measure=all")
                        .with(as(s.headA))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse();
        String csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFUPN,Name,School,URN,Year group");
        assertThat(csv).contains(s.a5 + ",'=SUM(1+1) -Dash,").contains(s.a6 + ",'+Plus @Home,");
        assertThat(csv).doesNotContain(",=SUM").doesNotContain(",+Plus");
        assertThat(csv.lines().count()).isEqualTo(8); // the header and the 7 pupils of school A
        String table = new String(mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/by-year-group.csv")
                .with(as(s.headA))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(table).contains("Year group,Pupils,Possible sessions,Attendance %").contains("Year 3,2,20,50.0,");
    }

    @Test
    void aSocialWorkersHomeIsTheirCaseloadAndNothingElse() throws Exception {
        mvc.perform(get("/").with(as(s.socialWorker))).andExpect(redirectedUrl("/caseload"));
        String page = mvc.perform(get("/caseload").with(as(s.socialWorker))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(s.a4).doesNotContain(s.a1).doesNotContain(s.a2).contains("Persistently absent")
                .contains("90.0%");
        mvc.perform(get("/dashboard/schools/" + s.schoolA.urn()).with(as(s.socialWorker))).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard").with(as(s.socialWorker))).andExpect(redirectedUrl("/caseload"));
    }

    @Test
    void theVirtualSchoolHeadSeesTheLasLookedAfterChildrenAsOneSchool() throws Exception {
        String vs = "/dashboard/las/" + s.schoolA.laCode() + "/virtual-school";
        mvc.perform(get("/").with(as(s.virtualSchoolHead))).andExpect(redirectedUrl(vs + "/children"));
        String children = mvc.perform(get(vs + "/children").with(as(s.virtualSchoolHead))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(children).contains(s.a4).doesNotContain(s.a1).doesNotContain(s.a2);
        String dashboard = mvc.perform(get("/dashboard").with(as(s.virtualSchoolHead))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // a4 alone: 9 of 10 sessions, persistently absent; beside the LA's 80.0 %.
        assertThat(dashboard).contains("Virtual School").contains(">90.0%</a>").contains(">1 pupil</a>")
                .contains(": 80.0%");
        // By school, the looked-after children beside all of that school's pupils: at A, 56 of 70 sessions (80.0 %)
        // and 4 of 7 pupils persistently absent (a2, a3 exactly at 10 %, a4, a7: 57.1 %).
        String bySchool = dashboard.substring(dashboard.indexOf("id=\"table-by-school\""));
        bySchool = bySchool.substring(0, bySchool.indexOf("</table>"));
        assertThat(bySchool).contains("Test School " + s.schoolA.urn()).contains(">80.0%<").contains(">57.1%<")
                .doesNotContain("Test School " + s.schoolB.urn());
        mvc.perform(get("/dashboard/las/" + s.schoolA.laCode()).with(as(s.virtualSchoolHead))).andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/schools/" + s.schoolA.urn()).with(as(s.virtualSchoolHead))).andExpect(status().isNotFound());
    }

    @Test
    void theTargetingPackListsTheSeverelyAbsentFirstAndComesAsAPdf() throws Exception {
        String page = mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/targeting").with(as(s.laOfficer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf(s.a2)).isPositive().isLessThan(page.indexOf(s.a7));
        assertThat(page).contains("Severely absent (50% or more): 1").contains("Persistently absent (10% or more): 3");
        byte[] pdf = mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/targeting.pdf").with(as(s.laOfficer)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void thePacksPdfIsMadeOnceForItsContentAndAgainWhenTheContentChanges() throws Exception {
        String path = "/dashboard/schools/" + s.schoolA.urn() + "/targeting.pdf";
        jdbc.update("delete from dashboard_targeting_pdf where school_urn = ?", s.schoolA.urn());
        byte[] first = mvc.perform(get(path).with(as(s.laOfficer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(first)).contains("Ben Absent");
        var made = jdbc.queryForObject("select made_at from dashboard_targeting_pdf where school_urn = ?",
                java.sql.Timestamp.class, s.schoolA.urn());

        // The same pack: the PDF kept in the database, not made again.
        byte[] again = mvc.perform(get(path).with(as(s.laOfficer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.queryForObject("select made_at from dashboard_targeting_pdf where school_urn = ?",
                java.sql.Timestamp.class, s.schoolA.urn())).isEqualTo(made);

        // A change to what the pack shows (here a pupil's name, as another node might record it): a new PDF at once.
        jdbc.update("update pupil set forename = 'Benedict' where upn = ?", s.a2);
        try {
            byte[] changed = mvc.perform(get(path).with(as(s.laOfficer))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(pdfText(changed)).contains("Benedict Absent").doesNotContain("Ben Absent");
            assertThat(jdbc.queryForObject("select count(*) from dashboard_targeting_pdf where school_urn = ?",
                    Integer.class, s.schoolA.urn())).isEqualTo(1);
        } finally {
            jdbc.update("update pupil set forename = 'Ben' where upn = ?", s.a2);
        }
        byte[] back = mvc.perform(get(path).with(as(s.laOfficer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(back)).contains("Ben Absent");
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    @Test
    void theCaseworkDashboardCountsTheSchoolsOpenCasesAndTasks() throws Exception {
        String page = mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/casework").with(as(s.managerA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Contact the parents today").contains("/dashboard/tasks/" + s.contactTask)
                .contains("First-day contact").doesNotContain("FIRST_DAY_CONTACT");
        String process = mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/casework/process")
                .with(as(s.managerA))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(process).contains("data-activity-id=\"contact-parents\"").contains("/js/vendor/bpmn-js/")
                .contains("/casework/process/contact-parents");
        mvc.perform(get("/dashboard/schools/" + s.schoolA.urn() + "/casework/process/contact-parents").with(as(s.managerA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(s.a7)))
                .andExpect(content().string(not(containsString(s.a1))));
        mvc.perform(get("/dashboard/processes/attendance-case.bpmn").with(as(s.managerA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"contact-parents\"")));
    }

    private long auditsOf(String username) {
        Long n = jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'READ_PUPIL'",
                Long.class, username);
        return n == null ? 0 : n;
    }
}
