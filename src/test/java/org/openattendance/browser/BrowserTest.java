package org.openattendance.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openattendance.support.Fixtures;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test class shares: one Chromium per class, a fresh browser context (signed out) per test,
 * signing in through the real form, and a page that fails the test when the browser logs an error.
 */
abstract class BrowserTest {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    private final StringBuilder browserErrors = new StringBuilder();

    @BeforeAll
    static void startBrowser() {
        Browsers.requireChromium();
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
        // A shared 2-core CI machine can be slow to answer: wait longer than Playwright's 5 seconds.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close(); // closes the browser too
            playwright = null;
        }
    }

    @BeforeEach
    void openContext() {
        browserErrors.setLength(0);
        context = Browsers.context(browser, port);
        page = context.newPage();
        // A script or style the content security policy refuses, a failed module import, a broken asset: all errors here.
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !isErrorStatus(message.text())) {
                browserErrors.append(page.url()).append(": ").append(message.text()).append('\n');
            }
        });
        page.onPageError(error -> browserErrors.append(page.url()).append(": ").append(error).append('\n'));
        page.onResponse(response -> {
            if (response.status() >= 400 && !"document".equals(response.request().resourceType())) {
                browserErrors.append(response.url()).append(": ").append(response.status()).append('\n');
            }
        });
    }

    @AfterEach
    void closeContext() {
        context.close();
        Assertions.assertThat(browserErrors.toString()).as("errors the browser logged").isEmpty();
    }

    /**
     * Signs in through the sign-in page and lands on the user's home page: the list of their schools, or their own
     * view (a headteacher's school dashboard, a social worker's caseload, a Virtual School Head's children).
     */
    void signIn(String username) {
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator(".app-signed-in")).containsText("Signed in as");
        assertThat(page.locator("h1")).hasText(java.util.regex.Pattern.compile(
                "^(Your schools|Your caseload|.+: attendance|.+ Virtual School: the children)$"));
    }

    /**
     * Chromium logs every response of 400 or more as a console error. The tests open error pages on purpose; a
     * failed asset (a style sheet, a script) is caught by the response listener instead.
     */
    private static boolean isErrorStatus(String text) {
        return text.startsWith("Failed to load resource: the server responded with a status of");
    }
}
