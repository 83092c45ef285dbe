package org.openattendance.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL 17 when no {@code spring.datasource.url} is configured: the default run keeps
 * its data in a folder between runs, the tests use a throw-away one. In production the standard
 * {@code spring.datasource.*} settings point at an external PostgreSQL and this class does nothing.
 *
 * <p>The server is a bean the data source depends on, so Spring closes everything that uses the database (the
 * engine, the job executor, the event threads, the pool) before it stops the server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {

    /** One server per data folder and JVM, so several test contexts share one throw-away server. */
    private static final Map<String, EmbeddedPostgresServer> SERVERS = new ConcurrentHashMap<>();

    @Bean
    ServerInUse embeddedPostgres(@Value("${openattendance.embedded-postgres.data-directory:}") String dataDirectory,
                                 @Value("${openattendance.embedded-postgres.port:0}") int port) {
        EmbeddedPostgresServer server = SERVERS.compute(dataDirectory, (folder, running) ->
                running != null && !running.isStopped() ? running
                        : StringUtils.hasText(folder) ? EmbeddedPostgresServer.start(Path.of(folder), port)
                        : EmbeddedPostgresServer.startThrowAway());
        return new ServerInUse(server);
    }

    @Bean
    DataSource dataSource(ServerInUse embeddedPostgres) {
        EmbeddedPostgresServer server = embeddedPostgres.server();
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl() + "?reWriteBatchedInserts=true");
        dataSource.setUsername(server.user());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("embedded-postgres");
        dataSource.setConnectionTimeout(3000);
        return dataSource;
    }

    /** The server as one application context uses it: closing the context lets the server stop after everything else. */
    static final class ServerInUse implements DisposableBean {

        private final EmbeddedPostgresServer server;

        ServerInUse(EmbeddedPostgresServer server) {
            this.server = server;
            server.acquire();
        }

        EmbeddedPostgresServer server() {
            return server;
        }

        @Override
        public void destroy() {
            server.release();
        }
    }

    /** No external database configured, and not production: production never falls back to an embedded one. */
    static class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            return !StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                    && !environment.acceptsProfiles(Profiles.of("prod"));
        }
    }
}
