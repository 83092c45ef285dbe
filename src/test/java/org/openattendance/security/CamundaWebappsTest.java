package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Camunda's Cockpit, Tasklist and Admin open for a signed-in administrator, and for nobody else. */
@IntegrationTest
class CamundaWebappsTest {

    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;

    @Autowired
    void noRedirects(TestRestTemplate template) {
        this.http = template.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    @Test
    void aSignedInAdministratorIsKnownToCockpit() {
        String admin = fixtures.admin();
        String session = signIn(admin);

        var cockpit = get("/camunda/app/cockpit/default/", session);
        var me = get("/camunda/api/admin/auth/user/default", session);

        assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cockpit.getHeaders().getFirst("X-Authorized-User")).isEqualTo(admin);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).contains("\"userId\":\"" + admin + "\"").contains("cockpit");
    }

    @Test
    void aSignedInAttendanceOfficerIsKeptOut() {
        var school = fixtures.school(fixtures.newLaCode());
        String session = signIn(fixtures.user(Role.ATTENDANCE_OFFICER, Set.of(school.urn()), null));

        assertThat(get("/camunda/app/cockpit/default/", session).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/camunda/api/admin/auth/user/default", session).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String signIn(String username) {
        var loginPage = http.getForEntity("/login", String.class);
        String cookie = sessionCookie(loginPage);
        var csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
                .matcher(loginPage.getBody());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", username);
        form.add("password", PASSWORD);
        form.add("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie);
        var signedIn = http.postForEntity("/login", new HttpEntity<>(form, headers), String.class);
        assertThat(signedIn.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(signedIn.getHeaders().getLocation().getPath()).isEqualTo("/");
        return sessionCookie(signedIn);
    }

    private ResponseEntity<String> get(String path, String cookie) {
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String sessionCookie(ResponseEntity<String> response) {
        return response.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }
}
