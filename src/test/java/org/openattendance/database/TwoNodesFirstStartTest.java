package org.openattendance.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openattendance.OpenAttendanceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes started together on an empty database both come up: Flyway and the engine's schema are created once,
 * by whichever node takes the lock first, while the other waits (the issue saw one die on duplicate keys).
 */
class TwoNodesFirstStartTest {

    @Test
    void twoNodesStartedTogetherOnAnEmptyDatabaseBothComeUp() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startThrowAway();
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        // The nodes log through the logging this JVM already set up: two applications configuring Logback at the
        // same moment race on its one context ("Unable to find Spring Environment in logger context").
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            var first = CompletableFuture.supplyAsync(() -> node(server, 1));
            var second = CompletableFuture.supplyAsync(() -> node(server, 2));
            nodes.add(first.get(5, TimeUnit.MINUTES));
            nodes.add(second.get(5, TimeUnit.MINUTES));

            assertThat(nodes).allSatisfy(node -> assertThat(node.isActive()).isTrue());
            try (Connection connection = server.connect(server.password())) {
                var result = connection.createStatement().executeQuery(
                        "select (select count(*) from act_ge_property where name_ = 'schema.version'), "
                                + "(select count(*) from flyway_schema_history where success), "
                                + "(select count(*) from act_re_procdef where key_ = 'attendance-case')");
                result.next();
                assertThat(result.getInt(1)).isOne();
                assertThat(result.getInt(2)).isPositive();
                assertThat(result.getInt(3)).as("the process deployed once, not once per node").isOne();
            }
        } finally {
            System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            nodes.forEach(ConfigurableApplicationContext::close);
            server.stop();
        }
    }

    private static ConfigurableApplicationContext node(EmbeddedPostgresServer server, int n) {
        return new SpringApplicationBuilder(OpenAttendanceApplication.class)
                .profiles("test")
                .run("--spring.datasource.url=" + server.jdbcUrl(),
                        "--spring.datasource.username=" + server.user(),
                        "--spring.datasource.password=" + server.password(),
                        "--server.port=0",
                        "--management.server.port=0",
                        "--camunda.bpm.generate-unique-process-engine-name=true",
                        "--camunda.bpm.generate-unique-process-application-name=true",
                        "--spring.jmx.enabled=false",
                        // Cockpit keeps its engine in a static: a second webapp closing would empty it for the other tests.
                        "--camunda.bpm.webapp.enabled=false",
                        "--spring.application.name=node-" + n);
    }
}
