package org.openattendance.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.security.Role;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Keyboard only, no mouse: the skip link, a visible focus on links, inputs and buttons, signing in, and reaching
 * and completing a task's form.
 */
@IntegrationTest
class KeyboardBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Casework casework;

    @Test
    void theSkipLinkIsTheFirstStopIsVisibleWhenFocusedAndMovesFocusToTheMainContent() {
        page.navigate("/login");
        page.keyboard().press("Tab");
        assertThat(page.locator(".govuk-skip-link")).isFocused();
        var box = page.locator(".govuk-skip-link").boundingBox();
        assertThat(box.width).isGreaterThan(10);
        assertThat(box.height).isGreaterThan(10);
        Browsers.assertFocusVisible(page);

        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();
        page.keyboard().press("Tab");
        assertThat(page.locator("#username")).isFocused(); // the header's links are skipped
    }

    @Test
    void signInAndCompleteAContactTaskWithTheKeyboardAlone() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        String upn = fixtures.pupils(school, 1).get(0);
        String task = casework.unexplainedAbsence(officer, school.urn(), upn);

        page.navigate("/login");
        Browsers.tabTo(page, "#username");
        Browsers.assertFocusVisible(page);
        page.keyboard().type(officer);
        page.keyboard().press("Tab");
        assertThat(page.locator("#password")).isFocused();
        page.keyboard().type(Fixtures.PASSWORD);
        Browsers.tabTo(page, "button[type=submit]");
        Browsers.assertFocusVisible(page);
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Your schools");

        Browsers.tabTo(page, "nav a[href='/inbox']");
        Browsers.assertFocusVisible(page);
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Your tasks");
        Browsers.tabTo(page, "#tasks a[href='/tasks/" + task + "']");
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Contact the parents today");

        Browsers.tabTo(page, "input[name=outcome]");
        page.keyboard().press("Space");
        assertThat(page.locator("#field-outcome-0")).isChecked();
        Browsers.assertFocusVisible(page);
        Browsers.tabTo(page, "#field-code");
        page.keyboard().type("I");
        assertThat(page.locator("#field-code")).hasValue("I");
        Browsers.tabTo(page, "#field-notes");
        Browsers.assertFocusVisible(page);
        page.keyboard().type("Father: tonsillitis");
        Browsers.tabTo(page, "#task-form button[type=submit]");
        Browsers.assertFocusVisible(page);
        page.keyboard().press("Enter");

        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Task completed");
        assertThat(casework.codes(officer, upn, Fixtures.weekdaysAgo(1).toString())).containsExactly("I", "I");
    }

    @Test
    void uploadARegisterWithTheKeyboardAlone() {
        var school = fixtures.school(fixtures.newLaCode());
        String officer = fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null);
        String upn = fixtures.pupils(school, 1).get(0);
        signInByKeyboard(officer);

        Browsers.tabTo(page, "a[href='/schools/" + school.urn() + "/register/upload']");
        Browsers.assertFocusVisible(page);
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Upload register marks");
        Browsers.tabTo(page, "#file");
        Browsers.assertFocusVisible(page);
        // The file itself is picked in the system's own dialog, outside the page: set it on the focused input.
        page.locator("#file").setInputFiles(new FilePayload("register.csv", "text/csv",
                ("upn,date,session,code\n" + upn + "," + Fixtures.weekdaysAgo(1) + ",AM,/\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#file")).isFocused();
        Browsers.tabTo(page, "main form button[type=submit]");
        page.keyboard().press("Enter");

        assertThat(page.locator(".govuk-notification-banner--success")).containsText("all 1 rows are in the register");
        assertThat(page.locator("#accepted")).hasText("1");
    }

    private void signInByKeyboard(String username) {
        page.navigate("/login");
        Browsers.tabTo(page, "#username");
        page.keyboard().type(username);
        Browsers.tabTo(page, "#password");
        page.keyboard().type(Fixtures.PASSWORD);
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Your schools");
    }
}
