package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A changing call to Cockpit's API without its XSRF header is refused, and the administrator stays signed in (to
 * Cockpit and to the application: it is one session). With the header, the call goes through.
 */
@IntegrationTest
class CockpitXsrfTest {

    private static final String COUNT = "/camunda/api/engine/engine/default/process-instance/count";

    @Autowired
    TestRestTemplate template;
    @Autowired
    Fixtures fixtures;

    @Test
    void aCallWithoutTheXsrfHeaderIsRefusedWithoutEndingTheSession() {
        var admin = new SignedInClient(template);
        admin.signIn(fixtures.admin(), PASSWORD);
        assertThat(admin.get("/camunda/app/cockpit/default/").getStatusCode()).isEqualTo(HttpStatus.OK);
        String token = admin.cookie("XSRF-TOKEN");
        assertThat(token).as("Cockpit handed out its XSRF token").isNotBlank();

        var refused = admin.exchange(HttpMethod.POST, COUNT, "{}", MediaType.APPLICATION_JSON);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
        assertThat(admin.get("/admin/users").getStatusCode()).as("still signed in").isEqualTo(HttpStatus.OK);
        assertThat(admin.get("/camunda/api/admin/auth/user/default").getStatusCode()).isEqualTo(HttpStatus.OK);

        var wrongToken = admin.header("X-XSRF-TOKEN", "not-the-token").exchange(HttpMethod.POST, COUNT, "{}", MediaType.APPLICATION_JSON);
        assertThat(wrongToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin.get("/admin/users").getStatusCode()).isEqualTo(HttpStatus.OK);

        var accepted = admin.header("X-XSRF-TOKEN", token).exchange(HttpMethod.POST, COUNT, "{}", MediaType.APPLICATION_JSON);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody()).contains("\"count\"");
    }
}
