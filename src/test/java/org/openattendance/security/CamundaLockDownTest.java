package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The engine REST API and Camunda's webapps are never open. */
@IntegrationTest
class CamundaLockDownTest {

    TestRestTemplate http;
    @Autowired
    Fixtures fixtures;

    @Autowired
    void noRedirects(TestRestTemplate template) {
        this.http = template.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    @Test
    void theEngineRestApiAnswers401WithoutCredentials() {
        var response = http.getForEntity("/engine-rest/process-definition", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void theEngineRestApiAnswers403ToEveryRoleButAdmin() {
        var school = fixtures.school(fixtures.newLaCode());
        for (Role role : Role.values()) {
            if (role == Role.ADMIN) {
                continue;
            }
            String user = fixtures.user(role, needsSchool(role) ? Set.of(school.urn()) : Set.of(), school.laCode());
            assertThat(http.withBasicAuth(user, PASSWORD).getForEntity("/engine-rest/process-definition", String.class)
                    .getStatusCode()).as(role.name()).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void anAdministratorReachesTheEngineRestApi() {
        var response = http.withBasicAuth(fixtures.admin(), PASSWORD).getForEntity("/engine-rest/process-definition?key=attendance-case", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("attendance-case");
    }

    @Test
    void camundasWebappsSendAnonymousVisitorsToSignIn() {
        var response = http.getForEntity("/camunda/app/cockpit/default/", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/login");
    }

    @Test
    void camundasWebappApiIsClosedToAnonymousVisitors() {
        var response = http.getForEntity("/camunda/api/engine/engine/", String.class);

        assertThat(response.getStatusCode()).isIn(HttpStatus.FOUND, HttpStatus.UNAUTHORIZED);
    }

    private static boolean needsSchool(Role role) {
        return role == Role.ATTENDANCE_OFFICER || role == Role.HEADTEACHER;
    }
}
