package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Behind the LA's TLS proxy: a request it forwards as https (X-Forwarded-Proto from a trusted proxy address; the
 * test client connects from 127.0.0.1, in Tomcat's internal-proxy list) gets a Secure session cookie and HSTS; a
 * plain http request gets neither. Referrer-Policy and Permissions-Policy come with every answer, whichever door.
 */
@IntegrationTest
class ProxyHeadersTest {

    @Autowired
    TestRestTemplate template;
    @Autowired
    Fixtures fixtures;

    @Test
    void behindTheTlsProxyTheSessionCookieIsSecureAndHstsIsSent() {
        var browser = new SignedInClient(template).header("X-Forwarded-Proto", "https");

        var signedIn = browser.signIn(fixtures.admin(), PASSWORD);

        assertThat(signedIn.getHeaders().get(HttpHeaders.SET_COOKIE)).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(signedIn.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=31536000")
                .contains("includeSubDomains");
        assertThat(signedIn.getHeaders().getLocation().toString()).as("redirects stay on https").startsWith("https://");
        assertThat(browser.get("/inbox").getHeaders().getFirst("Strict-Transport-Security")).isNotNull();
    }

    @Test
    void plainHttpGetsNeitherSecureCookiesNorHsts() {
        var browser = new SignedInClient(template);

        var signedIn = browser.signIn(fixtures.admin(), PASSWORD);

        assertThat(signedIn.getHeaders().get(HttpHeaders.SET_COOKIE)).allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
        assertThat(signedIn.getHeaders().getFirst("Strict-Transport-Security")).isNull();
    }

    @Test
    void referrerAndPermissionsPoliciesComeWithEveryAnswer() {
        String admin = fixtures.admin();
        var browser = new SignedInClient(template);
        browser.signIn(admin, PASSWORD);
        var anonymous = new SignedInClient(template);
        var api = template.withBasicAuth(admin, PASSWORD);

        assertPolicies(anonymous.get("/login"));
        assertPolicies(anonymous.get("/leave-request"));
        assertPolicies(anonymous.get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css"));
        assertPolicies(anonymous.get("/engine-rest/engine"));
        assertPolicies(browser.get("/"));
        assertPolicies(browser.get("/admin/users"));
        assertPolicies(browser.get("/no-such-page"));
        assertPolicies(browser.get("/camunda/app/cockpit/default/"));
        assertPolicies(api.getForEntity("/api/attendance-codes", String.class));
        assertPolicies(api.getForEntity("/engine-rest/engine", String.class));
        assertPolicies(api.getForEntity("/api/pupils/X000000000000/attendance", String.class));
    }

    private static void assertPolicies(ResponseEntity<String> response) {
        assertThat(response.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.getHeaders().getFirst("Permissions-Policy"))
                .isEqualTo("camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    }
}
