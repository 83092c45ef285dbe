package org.openattendance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.openattendance.shared.London;

/**
 * Debian's Chromium driven by Playwright, never a browser Playwright downloads: the tests fail, not skip, when
 * Chromium is missing (CI installs it). Also the checks every browser test makes of a page: axe-core finds no
 * serious or critical accessibility violation, and the browser logged no error (a script the content security
 * policy refused shows up there).
 */
final class Browsers {

    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    private static final Path CHROMIUM = Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Paths.get("docs", "screenshots");
    private static final String AXE_CORE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final List<String> BLOCKING_IMPACTS = List.of("serious", "critical");

    private Browsers() {
    }

    static Playwright playwright() {
        // Also set for surefire in pom.xml; here too, so a test started from an IDE never downloads a browser.
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Fails (never skips) the browser tests when there is no Chromium to drive. */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("The browser tests need Chromium at " + CHROMIUM + ": install it with `apt-get install chromium` "
                    + "(CI's .ci/run does) or name another with -Dchromium.path=...");
        }
    }

    static Browser chromium(Playwright playwright) {
        var args = new ArrayList<String>();
        if ("root".equals(System.getProperty("user.name"))) {
            args.add("--no-sandbox"); // Chromium refuses to start its sandbox as root (CI runs as root)
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(args));
    }

    /** A fresh context (no cookies: signed out) at the screenshots' fixed viewport, with the page checks armed. */
    static BrowserContext context(Browser browser, int port) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setViewportSize(WIDTH, HEIGHT).setLocale("en-GB")
                .setTimezoneId(London.ZONE_ID));
        context.setDefaultTimeout(20_000);
        return context;
    }

    /**
     * Runs axe-core on the page and fails listing every serious or critical violation (rule, impact, the nodes'
     * selectors and what is wrong). axe-core is evaluated through the DevTools protocol, which the page's content
     * security policy does not apply to, so the tests keep the application's real policy.
     */
    static void assertAccessible(Page page) {
        page.evaluate(axeSource());
        String json = (String) page.evaluate("async () => JSON.stringify((await axe.run(document, "
                + "{resultTypes: ['violations']})).violations)");
        List<Map<String, Object>> violations = readJson(json);
        var blocking = violations.stream().filter(v -> BLOCKING_IMPACTS.contains(v.get("impact"))).toList();
        if (!blocking.isEmpty()) {
            fail("axe-core found serious or critical violations on " + page.url() + ":\n" + describe(blocking));
        }
    }

    /** Saves the whole page under docs/screenshots/ when the build runs with -Dscreenshots=true. */
    static void screenshot(Page page, String name) {
        screenshot(page, name, true);
    }

    /** Saves the whole page, or only what fits the window, under docs/screenshots/ with -Dscreenshots=true. */
    static void screenshot(Page page, String name, boolean fullPage) {
        if (!Boolean.getBoolean("screenshots")) {
            return;
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(fullPage));
    }

    /** Presses Tab until an element matching the selector has the focus; fails when it cannot be reached. */
    static void tabTo(Page page, String selector) {
        for (int i = 0; i < 60; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) page.evaluate("s => document.activeElement !== null && document.activeElement.matches(s)", selector)) {
                return;
            }
        }
        fail("Tab never reached " + selector + " on " + page.url());
    }

    /** The focused element looks different from the same element without focus: a visible focus indicator. */
    static void assertFocusVisible(Page page) {
        String focused = focusStyle(page);
        String tag = (String) page.evaluate("() => document.activeElement.outerHTML.substring(0, 80)");
        page.evaluate("() => { window.__focused = document.activeElement; document.activeElement.blur(); }");
        String blurred = (String) page.evaluate("() => { const s = getComputedStyle(window.__focused); "
                + "return [s.outlineStyle + ' ' + s.outlineColor, s.boxShadow, s.backgroundColor, s.color].join(' | '); }");
        page.evaluate("() => window.__focused.focus()");
        assertThat(focused).as("focus style of %s", tag).isNotEqualTo(blurred);
    }

    private static String focusStyle(Page page) {
        return (String) page.evaluate("() => { const s = getComputedStyle(document.activeElement); "
                + "return [s.outlineStyle + ' ' + s.outlineColor, s.boxShadow, s.backgroundColor, s.color].join(' | '); }");
    }

    private static String axeSource() {
        try (InputStream in = Browsers.class.getResourceAsStream(AXE_CORE)) {
            assertThat(in).as("axe-core webjar on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> readJson(String json) {
        try {
            return new ObjectMapper().readValue(json, new TypeReference<>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String describe(List<Map<String, Object>> violations) {
        var text = new StringBuilder();
        for (var v : violations) {
            text.append("- ").append(v.get("id")).append(" (").append(v.get("impact")).append("): ")
                    .append(v.get("help")).append('\n');
            for (var node : (List<Map<String, Object>>) v.get("nodes")) {
                text.append("    ").append(node.get("target")).append(": ").append(node.get("failureSummary"))
                        .append('\n');
            }
        }
        return text.toString();
    }
}
