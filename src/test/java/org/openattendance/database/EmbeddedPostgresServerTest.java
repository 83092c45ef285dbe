package org.openattendance.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL of the default run belongs to this copy of the application: it needs its password, and
 * a port taken by another program stops start-up with a message instead of connecting to that program's database.
 */
class EmbeddedPostgresServerTest {

    @TempDir
    Path folder;

    @Test
    void aNewServerNeedsItsGeneratedPasswordKeptInTheDataFolder() throws Exception {
        Path data = folder.resolve("postgres");
        var server = EmbeddedPostgresServer.start(data, 0);
        try {
            Path passwordFile = data.resolve(EmbeddedPostgresServer.PASSWORD_FILE);
            assertThat(passwordFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            String password = Files.readString(passwordFile).trim();
            assertThat(password).hasSizeGreaterThanOrEqualTo(24).isEqualTo(server.password());

            assertThatThrownBy(() -> server.connect(null).close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> server.connect("postgres").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection connection = server.connect(password)) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#].*\\btrust\\s*$");
        } finally {
            server.stop();
        }

        var again = EmbeddedPostgresServer.start(data, 0);
        try (Connection connection = again.connect(Files.readString(data.resolve(EmbeddedPostgresServer.PASSWORD_FILE)).trim())) {
            assertThat(connection.isValid(2)).isTrue();
        } finally {
            again.stop();
        }
    }

    @Test
    void aPortTakenByAnotherServerStopsStartUpWithAMessageSayingWhy() throws Exception {
        try (EmbeddedPostgres other = EmbeddedPostgres.builder().start()) {
            int taken = other.getPort();
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(folder.resolve("postgres"), taken))
                    .isInstanceOf(EmbeddedPostgresRefused.class)
                    .hasMessageContaining("Port " + taken + " is already in use by another program")
                    .satisfies(refused -> assertThat(((EmbeddedPostgresRefused) refused).action())
                            .contains("OPENATTENDANCE_DB_PORT"));
        }
    }

    @Test
    void aSecondCopyOnTheSameFolderIsRefusedWhileTheFirstRuns() {
        Path data = folder.resolve("postgres");
        var first = EmbeddedPostgresServer.start(data, 0);
        try {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0))
                    .isInstanceOf(EmbeddedPostgresRefused.class)
                    .hasMessageContaining("Another copy of the application is using the database folder");
        } finally {
            first.stop();
        }
    }

    @Test
    void aFolderFromAnEarlierVersionThatTrustedEveryLocalUserIsSwitchedToPasswords() throws Exception {
        Path data = folder.resolve("postgres");
        // What the earlier version made: initdb -A trust, no password.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
             Connection connection = old.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create table kept (marks int)");
            connection.createStatement().execute("insert into kept values (42)");
        }
        var server = EmbeddedPostgresServer.start(data, 0);
        try {
            assertThatThrownBy(() -> server.connect(null).close()).isInstanceOf(SQLException.class);
            String password = Files.readString(data.resolve(EmbeddedPostgresServer.PASSWORD_FILE)).trim();
            try (Connection connection = server.connect(password)) {
                var result = connection.createStatement().executeQuery("select marks from kept");
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(42);
            }
        } finally {
            server.stop();
        }
    }
}
