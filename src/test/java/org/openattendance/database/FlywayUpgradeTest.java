package org.openattendance.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openattendance.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upgrading a deployment whose database an older build made. Several engineers add migrations at once, so some landed
 * on main with numbers below ones already applied on existing databases (V20-V23, V30, V31, V52 and V65 after V60 and
 * V70). With the application's own Flyway settings, a database made by such a build takes the missing migrations
 * when the new build starts, and ends with the same tables, columns, indexes and triggers as a fresh database.
 */
@IntegrationTest
class FlywayUpgradeTest {

    /**
     * The SQL migrations of a build on main in the evening of 30 November 2026 (with the Java migration V2): V60 and V70
     * before V20-V23 had landed.
     */
    static final List<String> OLDER_BUILD = List.of("V1__schools_pupils_register.sql", "V3__letters_and_outbox.sql",
            "V4__attendance_case.sql", "V5__leave_requests.sql", "V6__staff_email_and_notices.sql",
            "V9__inbox_indexes.sql", "V40__returns_deletions_transfer.sql", "V50__dashboard_aggregates.sql",
            "V51__case_stage_history.sql", "V60__snapshot_unexplained_dates.sql", "V70__legal.sql");

    @Autowired
    Flyway applications;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    private final String upgraded = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
    private final String fresh = "fresh_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropSchemas() {
        jdbc.execute("drop schema if exists " + upgraded + " cascade");
        jdbc.execute("drop schema if exists " + fresh + " cascade");
    }

    private Path olderBuild(Path folder) throws IOException {
        for (String file : OLDER_BUILD) {
            try (InputStream in = getClass().getResourceAsStream("/db/migration/" + file)) {
                assertThat(in).as(file).isNotNull();
                Files.copy(in, folder.resolve(file));
            }
        }
        return folder;
    }

    /** The application's Flyway settings (application.yml), on a schema of its own. */
    private Flyway asTheApplicationConfiguresIt(String schema, String... locations) {
        var configuration = Flyway.configure().configuration(applications.getConfiguration()).dataSource(dataSource)
                .schemas(schema).defaultSchema(schema);
        // An older build's migrations: its SQL files and the Java migration (V2, the attendance codes) it had too.
        return (locations.length == 0 ? configuration
                : configuration.locations(locations).javaMigrations(new db.migration.V2__Load_attendance_codes())).load();
    }

    @Test
    void aDatabaseMadeByAnOlderBuildTakesTheMigrationsNumberedBelowItsLatestAndEndsLikeAFreshOne(@TempDir Path folder)
            throws IOException {
        String older = "filesystem:" + olderBuild(folder);
        asTheApplicationConfiguresIt(upgraded, older).migrate();
        assertThat(jdbc.queryForObject("select count(*) from " + upgraded + ".flyway_schema_history where version is not "
                + "null and success", Integer.class)).isEqualTo(OLDER_BUILD.size() + 1);

        // The new build starts on it: the application's own settings and migrations.
        var result = asTheApplicationConfiguresIt(upgraded).migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrations).extracting(m -> m.version).contains("20", "21", "22", "23", "30", "31", "52", "65",
                "71");
        assertThat(asTheApplicationConfiguresIt(upgraded).info().all()).extracting(m -> m.getState())
                .allMatch(state -> state == MigrationState.SUCCESS || state == MigrationState.OUT_OF_ORDER);
        asTheApplicationConfiguresIt(fresh).migrate();
        assertThat(schema(upgraded)).isEqualTo(schema(fresh)).isNotEmpty();
        // A second start finds nothing to do.
        assertThat(asTheApplicationConfiguresIt(upgraded).migrate().migrationsExecuted).isZero();
    }

    @Test
    void withoutOutOfOrderTheSameDatabaseWouldRefuseToStart(@TempDir Path folder) throws IOException {
        asTheApplicationConfiguresIt(upgraded, "filesystem:" + olderBuild(folder)).migrate();

        var strict = Flyway.configure().configuration(applications.getConfiguration()).dataSource(dataSource)
                .schemas(upgraded).defaultSchema(upgraded).outOfOrder(false).load();

        assertThatThrownBy(strict::migrate).hasMessageContaining("Detected resolved migration not applied to database");
        assertThat(applications.getConfiguration().isOutOfOrder()).as("spring.flyway.out-of-order").isTrue();
    }

    /** Every column, index, constraint and trigger of the schema, its own name taken out. */
    private List<String> schema(String schema) {
        return jdbc.queryForList("""
                select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '
                       || is_nullable || ' ' || coalesce(column_default, '')
                from information_schema.columns where table_schema = ?
                union all
                select 'index ' || tablename || ' ' || indexdef from pg_indexes where schemaname = ?
                union all
                select 'constraint ' || tc.table_name || ' ' || tc.constraint_type || ' ' || tc.constraint_name
                from information_schema.table_constraints tc where tc.table_schema = ? and tc.constraint_type <> 'CHECK'
                union all
                select 'trigger ' || event_object_table || ' ' || trigger_name || ' ' || event_manipulation
                from information_schema.triggers where trigger_schema = ?
                order by 1""", String.class, schema, schema, schema, schema).stream()
                .filter(line -> !line.contains("flyway_schema_history"))
                .map(line -> line.replace(schema + ".", "")).toList();
    }
}
