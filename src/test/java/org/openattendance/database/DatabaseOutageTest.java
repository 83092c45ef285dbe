package org.openattendance.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openattendance.OpenAttendanceApplication;
import org.openattendance.support.Fixtures;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * While the database cannot be reached, valid credentials get a 503 that says so within seconds (not a 401 after
 * 30 s), pages get the "service unavailable" page, and readiness is false for the load balancer; when the database
 * is back, so is the node, by itself.
 */
class DatabaseOutageTest {

    @TempDir
    Path folder;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aDatabaseOutageAnswers503WithAMessageAndTakesTheNodeOutOfReadinessUntilTheDatabaseIsBack() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder.resolve("postgres"), port);
        ConfigurableApplicationContext node = null;
        try {
            node = new SpringApplicationBuilder(OpenAttendanceApplication.class).profiles("test").run(
                    "--spring.datasource.url=" + server.jdbcUrl(), "--spring.datasource.username=" + server.user(),
                    "--spring.datasource.password=" + server.password(), "--server.port=0", "--management.server.port=0",
                    "--openattendance.database-watch.every=PT0.5S", "--spring.jmx.enabled=false",
                    // Cockpit keeps its engine in a static: a second webapp closing would empty it for the other tests.
                    "--camunda.bpm.webapp.enabled=false",
                    "--camunda.bpm.generate-unique-process-engine-name=true",
                    "--camunda.bpm.generate-unique-process-application-name=true");
            Environment environment = node.getEnvironment();
            String app = "http://localhost:" + environment.getProperty("local.server.port");
            String management = "http://localhost:" + environment.getProperty("local.management.port");
            String admin = node.getBean(Fixtures.class).admin();
            String credentials = "Basic " + Base64.getEncoder().encodeToString((admin + ":" + Fixtures.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> before = get(app + "/api/attendance-codes", credentials);
            assertThat(before.statusCode()).as(before.headers().map() + " " + before.body()).isEqualTo(200);
            assertThat(get(management + "/actuator/health/readiness", null).statusCode()).isEqualTo(200);

            server.stop();

            long start = System.nanoTime();
            HttpResponse<String> refused = get(app + "/api/attendance-codes", credentials);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(millis).as("answered without waiting half a minute for a connection").isLessThan(10_000);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
            assertThat(refused.body()).contains("\"status\":503").contains("The database is unavailable");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(get(app + "/api/attendance-codes", credentials).statusCode()).isEqualTo(503);
                assertThat(get(management + "/actuator/health/readiness", null).statusCode()).isEqualTo(503);
            });
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(app + "/login"))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("Sorry, the service is unavailable");

            EmbeddedPostgresServer again = EmbeddedPostgresServer.start(folder.resolve("postgres"), port);
            server = again;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(get(management + "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
                assertThat(get(app + "/api/attendance-codes", credentials).statusCode()).isEqualTo(200);
            });
        } finally {
            if (node != null) {
                node.close();
            }
            server.stop();
        }
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
