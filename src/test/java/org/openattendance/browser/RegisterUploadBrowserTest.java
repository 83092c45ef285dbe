package org.openattendance.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;
import org.openattendance.support.ReadableFixtures;

/** A school's officer uploads a register CSV with a bad row through the upload page and reads the report. */
@IntegrationTest
class RegisterUploadBrowserTest extends ReadableSchoolBrowserTest {

    @Test
    void aFileWithABadRowStoresTheGoodRowsAndListsTheBadOneWithItsLineAndReason() {
        String day = Fixtures.weekdaysAgo(1).toString();
        String csv = "upn,date,session,code\n"
                + upn + "," + day + ",AM,/\n"
                + upn + "," + day + ",PM,\\\n"
                + upn + "," + Fixtures.weekdaysAgo(2) + ",AM,H\n";

        signIn(officer);
        Browsers.screenshot(page, "home");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Upload register for " + ReadableFixtures.schoolName())).click();
        assertThat(page.locator("h1")).hasText("Upload register marks");
        Browsers.assertAccessible(page);

        page.getByLabel("Register CSV file").setInputFiles(new FilePayload("register.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload register")).click();

        assertThat(page.locator(".govuk-notification-banner"))
                .containsText("1 of 3 rows were rejected. The other rows are in the register.");
        assertThat(page.locator("#accepted")).hasText("2");
        assertThat(page.locator("#rejected")).hasText("1");
        var rejected = page.locator("#rejected-rows tbody tr");
        assertThat(rejected).hasCount(1);
        assertThat(rejected.locator("td").nth(0)).hasText("4");
        assertThat(rejected.locator("td").nth(1)).hasText(upn);
        assertThat(rejected.locator("td").nth(2)).hasText("'H' is not an attendance code; see GET /api/attendance-codes");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "register-upload-report");
    }

    @Test
    void submittingNoFileSaysSo() {
        signIn(officer);
        page.navigate("/schools/" + school.urn() + "/register/upload");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload register")).click();

        assertThat(page.locator(".govuk-error-summary")).containsText("Select a CSV file");
        assertThat(page.locator("#file-error")).containsText("Select a CSV file");
        Browsers.assertAccessible(page);
    }
}
