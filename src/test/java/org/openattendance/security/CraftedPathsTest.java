package org.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openattendance.support.Fixtures.PASSWORD;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openattendance.IntegrationTest;
import org.openattendance.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Paths crafted to look different to the security rules and to the servlet that serves them are turned away with
 * 400 and a plain page, never a 500 with a stack trace, and never reach the engine REST API. Sent raw, as a client
 * can (java.net.http keeps the path exactly as written).
 */
@IntegrationTest
class CraftedPathsTest {

    static final List<String> CRAFTED = List.of(
            "/%65ngine-rest/engine", "/%65ngine-rest/task", "/%65ngine-rest/process-definition",
            "/engine-rest;x=1/task", "/engine-rest/task;x=1", "/api/tasks;x=1", "/api;jsessionid=1/attendance-codes",
            "//api/tasks", "//engine-rest/task", "/camunda//app/cockpit/default/", "/camunda;x=1/app/cockpit/default/",
            "/%63amunda/app/cockpit/default/", "/%61pi/attendance-codes", "/pupils;x=1", "/%2e%2e/etc/passwd");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void craftedPathsAnswer400WithoutAStackTraceWhoeverAsks() throws Exception {
        String admin = fixtures.admin();
        for (String path : CRAFTED) {
            for (String credentials : new String[] {null, admin + ":" + PASSWORD}) {
                var json = send(path, credentials, "application/json");
                assertThat(json.statusCode()).as(path).isEqualTo(400);
                assertThat(json.body()).as(path).doesNotContain("Exception").doesNotContain("\tat ")
                        .doesNotContain("Internal Server Error").doesNotContain("\"count\"");
            }
        }
    }

    @Test
    void aBrowserGetsThePlainProblemPage() throws Exception {
        var page = send("/%65ngine-rest/engine", null, "text/html");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("There is a problem with your request").doesNotContain("Exception");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void theSamePathsWrittenPlainlyStillWork() throws Exception {
        String admin = fixtures.admin() + ":" + PASSWORD;

        assertThat(send("/engine-rest/engine", admin, "application/json").statusCode()).isEqualTo(200);
        assertThat(send("/api/attendance-codes", admin, "application/json").statusCode()).isEqualTo(200);
        // Encoded characters that are not disguises stay allowed (a space, an accented letter).
        assertThat(send("/api/attendance-codes?x=a%20b%C3%A9", admin, "application/json").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String path, String credentials, String accept) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).GET();
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
