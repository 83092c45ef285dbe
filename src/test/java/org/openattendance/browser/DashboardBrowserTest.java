package org.openattendance.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openattendance.IntegrationTest;
import org.openattendance.dashboard.DashboardDataSets;
import org.openattendance.dashboard.DashboardScenario;
import org.openattendance.school.Phase;
import org.openattendance.school.SchoolAdministration;
import org.openattendance.school.SchoolAdministration.SchoolData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each dashboard opened by each role it is for, through the real pages in Chromium: the headteacher's school
 * dashboard (their home page) and the pupils behind a number, the school manager's casework and a task given to
 * another officer, the LA officer's LA dashboard and targeting pack, the LA manager's casework and the process
 * diagram with live counts, the social worker's caseload and the Virtual School Head's children and figures. Every
 * page passes axe-core and logs no browser error; with -Dscreenshots=true the pages are saved for the README.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest extends BrowserTest {

    @Autowired
    DashboardDataSets dataSets;
    @Autowired
    SchoolAdministration schools;

    DashboardScenario s;

    @BeforeAll
    void scenario() {
        s = dataSets.scenario();
        schools.saveSchool(new SchoolData(s.schoolA.urn(), "Riverside Primary School", s.schoolA.laCode(), Phase.PRIMARY,
                LocalTime.of(9, 15)));
        schools.saveSchool(new SchoolData(s.schoolB.urn(), "Hillside Academy", s.schoolB.laCode(), Phase.SECONDARY,
                LocalTime.of(8, 50)));
        schools.nameLocalAuthority(s.schoolA.laCode(), "Westshire");
    }

    @Test
    void theHeadteachersHomeIsTheirSchoolsDashboardAndEveryNumberLeadsToItsPupils() {
        signIn(s.headA);
        assertThat(page).hasURL(Pattern.compile("/dashboard$"));
        assertThat(page.locator("h1")).hasText("Riverside Primary School: attendance");
        assertThat(page.locator("#cards-year")).containsText("80.0%");
        assertThat(page.locator("#cards-year")).containsText("Westshire: 80.0%");
        assertThat(page.locator("svg.app-chart").first()).isVisible();
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "dashboard-school");

        page.locator("#cards-year a[href*='measure=persistent']").click();
        assertThat(page.locator("h1")).hasText("Persistently absent pupils (10% or more)");
        assertThat(page.locator("#pupils tbody tr")).hasCount(4);
        Browsers.assertAccessible(page);

        page.navigate("/dashboard/schools/" + s.schoolA.urn() + "/casework");
        assertThat(page.locator("h1")).hasText("Riverside Primary School: casework");
        Browsers.assertAccessible(page);
    }

    @Test
    void theSchoolManagerGivesTheirTeamsTaskToAnotherOfficer() {
        signIn(s.managerA);
        page.navigate("/dashboard/schools/" + s.schoolA.urn() + "/casework");
        assertThat(page.locator("#task-counts")).containsText("Open");
        Browsers.assertAccessible(page);
        page.locator("#oldest-tasks a", new Page.LocatorOptions().setHasText("Contact the parents today")).first().click();
        assertThat(page.locator("h1")).hasText("Contact the parents today");
        Browsers.assertAccessible(page);

        page.locator("input[name='assignee'][value='" + s.secondOfficerA + "']").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("The task is now assigned to");
        assertThat(page.locator("#assignee")).containsText(s.secondOfficerA);
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "team-task");
    }

    @Test
    void theLaOfficerSeesTheLaDashboardAndATargetingPack() {
        signIn(s.laOfficer);
        // Signing in lands the LA officer on the LA dashboard; their schools are one link away and link back to it.
        assertThat(page.locator("h1")).hasText("Westshire: attendance");
        page.locator("#nav-home").click();
        assertThat(page.locator("h1")).hasText("Your schools");
        page.locator("#la-dashboard-link").click();
        assertThat(page.locator("h1")).hasText("Westshire: attendance");
        assertThat(page.locator("#table-by-school")).containsText("Riverside Primary School");
        assertThat(page.locator("#table-by-school")).containsText("Hillside Academy");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "dashboard-la");

        page.locator("nav[aria-label='Dashboards'] a", new Page.LocatorOptions().setHasText("Termly targeting meetings")).click();
        assertThat(page.locator("#schools")).containsText("Riverside Primary School");
        Browsers.assertAccessible(page);
        page.locator("#schools a[href='/dashboard/schools/" + s.schoolA.urn() + "/targeting']").click();
        assertThat(page.locator("h1")).hasText("Riverside Primary School: targeting meeting pack");
        assertThat(page.locator("#table-severe")).containsText(s.a2);
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "targeting-pack");
        var pdf = page.request().get("/dashboard/schools/" + s.schoolA.urn() + "/targeting.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
    }

    @Test
    void theLaManagerSeesTheCaseworkAndTheProcessWithLiveCounts() {
        signIn(s.laManager);
        assertThat(page.locator("h1")).hasText("Westshire: attendance");
        page.navigate("/dashboard/las/" + s.schoolA.laCode() + "/casework");
        assertThat(page.locator("h1")).hasText("Westshire: casework");
        assertThat(page.locator("#table-stages")).containsText("First-day contact");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "casework");

        page.locator("main a", new Page.LocatorOptions().setHasText("The process with live cases at each step")).click();
        assertThat(page.locator("#steps")).containsText("Contact the parents today");
        // bpmn-js draws the model and puts the count on the step, as a link to the cases.
        Locator count = page.locator("#process-canvas a.app-process-count").first();
        assertThat(count).isVisible();
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "process", false);
        page.locator("#steps tr", new Page.LocatorOptions().setHasText("Contact the parents today")).locator("a").click();
        assertThat(page.locator("#cases")).containsText(s.a7);
        Browsers.assertAccessible(page);
    }

    @Test
    void theSocialWorkersHomeIsTheirCaseload() {
        signIn(s.socialWorker);
        assertThat(page).hasURL(Pattern.compile("/caseload$"));
        assertThat(page.locator("#children tbody tr")).hasCount(1);
        assertThat(page.locator("#children")).containsText("Dee Cared");
        assertThat(page.locator("#children")).containsText("Persistently absent");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "caseload");
        assertThat(page.navigate("/dashboard/schools/" + s.schoolA.urn()).status()).isEqualTo(404);
    }

    @Test
    void theVirtualSchoolHeadSeesTheLookedAfterChildrenAsOneSchool() {
        signIn(s.virtualSchoolHead);
        assertThat(page.locator("h1")).hasText("Westshire Virtual School: the children");
        assertThat(page.locator("#children tbody tr")).hasCount(1);
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "virtual-school");

        page.locator("nav[aria-label='Dashboards'] a", new Page.LocatorOptions().setHasText("Attendance")).click();
        assertThat(page.locator("h1")).hasText("Westshire Virtual School: attendance");
        assertThat(page.locator("#cards-year")).containsText("90.0%");
        Browsers.assertAccessible(page);
        assertThat(page.navigate("/dashboard/las/" + s.schoolA.laCode()).status()).isEqualTo(404);
    }
}
