package org.openattendance.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.security.UserAdministration;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A school's officer tries to take a pupil off roll on the 20-day ground and is told what is missing, imports a
 * Common Transfer File and reads what was not taken, is told what is wrong with the next school's number on the export
 * page; an LA officer reads the returns and the register of children
 * missing education. Every page is axe-clean.
 */
@IntegrationTest
class ReturnsBrowserTest extends ReadableSchoolBrowserTest {

    @Autowired
    UserAdministration users;

    @Test
    void theLeavingPageSaysWhatTheTwentyDayGroundStillNeeds() {
        signIn(officer);
        page.navigate("/pupils/" + upn);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Leaving the school's roll")).click();
        assertThat(page.locator("h1")).hasText("Leaving the school's roll");
        Browsers.assertAccessible(page);

        page.getByLabel("Absent for 20 school days and not found after the school's and the LA's enquiries (9(1)(i))").check();
        var today = Fixtures.today();
        page.locator("#deletionDate-day").fill(String.valueOf(today.getDayOfMonth()));
        page.locator("#deletionDate-month").fill(String.valueOf(today.getMonthValue()));
        page.locator("#deletionDate-year").fill(String.valueOf(today.getYear()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete from roll")).click();

        assertThat(page.locator(".govuk-error-summary")).containsText("The pupil has 0 continuous school days");
        assertThat(page.locator(".govuk-error-summary")).containsText("The LA's reasonable enquiries are not recorded");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "leaving-the-roll");
    }

    @Test
    void aCommonTransferFileIsImportedWithWhatItCouldNotTakeListed() {
        String joining = fixtures.newUpn();
        String xml = """
                <CTfile><Header><CTFversion>25.0</CTFversion><SourceSchool><URN>999999</URN>
                <SchoolName>Brookside Primary (made up)</SchoolName></SourceSchool></Header><CTFpupilData>
                <Pupil><UPN>%s</UPN><Surname>Quill</Surname><Forename>Robin</Forename><DOB>2017-05-14</DOB>
                <BasicDetails><NCyearActual>4</NCyearActual></BasicDetails>
                <Attendance><YearData><Year>2023</Year><AttendSessions><AttendanceStartDate>2024-01-08</AttendanceStartDate>
                <AttendanceMarks>/\\HHK/</AttendanceMarks></AttendSessions></YearData></Attendance></Pupil>
                </CTFpupilData></CTfile>""".formatted(joining);
        signIn(officer);
        page.navigate("/schools/" + school.urn() + "/ctf");
        Browsers.assertAccessible(page);
        page.getByLabel("Common Transfer File (XML)").setInputFiles(new FilePayload("ctf.xml", "application/xml",
                xml.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import the file")).click();

        assertThat(page.locator("#created")).hasText("1");
        assertThat(page.locator("#rejected tbody tr")).hasCount(1);
        assertThat(page.locator("#rejected tbody tr td").nth(2)).hasText("the mark of 10 January 2024 AM");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "ctf-import-report");
    }

    @Test
    void theExportPageAsksForTheNextSchoolsUrnOrDfeNumberAndSaysWhatIsWrongWithIt() {
        signIn(officer);
        page.navigate("/pupils/" + upn + "/ctf");
        assertThat(page.locator("h1")).hasText("Common Transfer File for the next school");
        assertThat(page.locator("#destination-hint")).containsText("7 digits such as 9992999");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "ctf-export");

        page.getByLabel("The next school's URN or DfE number, if known").fill("14");
        page.getByLabel("The pupil is registered at the next school", new Page.GetByLabelOptions().setExact(false)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download the file")).click();

        assertThat(page.locator(".govuk-error-summary a[href='#destination']"))
                .containsText("neither a URN (6 digits) nor a DfE number");
        assertThat(page.locator("#destination-error")).containsText("neither a URN");
        assertThat(page.locator("#destination")).hasValue("14");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "ctf-export-error");
        // the bad destination stopped the deletion from roll too
        page.navigate("/pupils/" + upn + "/ctf");
        assertThat(page.locator("#leaving")).isVisible();
    }

    @Test
    void anLaOfficerReadsTheReturnsAndTheRegisterOfChildrenMissingEducation() {
        String laOfficer = "lee.authority." + school.laCode();
        users.save(new UserAdministration.NewUser(laOfficer, Fixtures.PASSWORD, "Lee Authority", Set.of(Role.LA_OFFICER),
                Set.of(), school.laCode()));
        signIn(laOfficer);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Returns")).click();
        assertThat(page.locator("h1")).hasText("Returns to the local authority");
        Browsers.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Missing education")).click();
        assertThat(page.locator("h1")).hasText("Children missing education");
        Browsers.assertAccessible(page);
    }
}
