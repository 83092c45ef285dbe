package org.openattendance.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;

/** A school's officer works a first-day contact task from the inbox to completion, in the browser. */
@IntegrationTest
class ContactTaskBrowserTest extends ReadableSchoolBrowserTest {

    String task;
    String day;

    @BeforeEach
    void aDayOfUnexplainedAbsence() {
        task = casework.unexplainedAbsence(officer, school.urn(), upn);
        day = Fixtures.weekdaysAgo(1).toString();
    }

    @Test
    void theOfficerRecordsTheReasonFromTheInboxSeesTheBannerAndTheRegisterIsAmended() {
        signIn(officer);
        page.navigate("/inbox");
        Browsers.screenshot(page, "inbox");
        page.locator("#tasks a[href='/tasks/" + task + "']").click();

        assertThat(page.locator("h1")).hasText("Contact the parents today");
        assertThat(page.locator("#pupil")).containsText(upn);
        assertThat(page.locator("main")).containsText("Sam Parent");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "task", false); // the case's timeline makes the whole page very long

        // Nothing entered for the required notes: the error summary names the field and nothing is completed.
        page.getByLabel("Yes, a reason was given").check();
        page.getByLabel("Code the reason supports (optional)").selectOption("I");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete task")).click();
        assertThat(page.locator(".govuk-error-summary"))
                .containsText("Enter an answer for: Who you spoke to and what they said");
        assertThat(page).hasTitle(Pattern.compile("^Error: Contact the parents today"));
        assertThat(page.getByLabel("Yes, a reason was given")).isChecked();
        Browsers.assertAccessible(page);
        page.locator(".govuk-error-summary a").click();
        assertThat(page.getByLabel("Who you spoke to and what they said")).isFocused();

        page.getByLabel("Who you spoke to and what they said").fill("Mother: flu, back on Monday");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete task")).click();

        assertThat(page).hasURL(Pattern.compile("/inbox$"));
        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Task completed");
        assertThat(page.locator("a[href='/tasks/" + task + "']")).hasCount(0);
        Browsers.assertAccessible(page);

        assertThat(casework.codes(officer, upn, day)).containsExactly("I", "I");
        assertThat(casework.amendmentReasons(officer, upn, day))
                .containsOnly("First-day contact: Mother: flu, back on Monday").hasSize(2);
    }

    @Test
    void claimingFromTheInboxMakesTheTaskMine() {
        signIn(officer);
        page.navigate("/inbox");
        page.locator("form[action='/tasks/" + task + "/claim'] button").click();

        assertThat(page.locator("#count-mine")).hasText("1");
        assertThat(page.locator("form[action='/tasks/" + task + "/unclaim'] button")).isVisible();
        Browsers.assertAccessible(page);
    }
}
