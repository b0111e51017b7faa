package org.lectern.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own, in a temporary folder on a free port, that the test may stop and start
 * again: the shared PostgreSQL at 5432 must never be restarted. Needs PostgreSQL 15's binaries and root (initdb
 * runs as the {@code postgres} user); without them the test is reported as skipped.
 */
public final class PrivatePostgres implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private final Path dir;
    private final int port;

    private PrivatePostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static PrivatePostgres start() {
        Assumptions.assumeTrue(Files.isExecutable(BIN.resolve("initdb")), "SKIPPED: no PostgreSQL 15 in " + BIN);
        Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")), "SKIPPED: a private PostgreSQL needs root");
        try {
            Path dir = Files.createTempDirectory("lectern-pg-");
            run(List.of("chown", "postgres:postgres", dir.toString()));
            asPostgres(BIN.resolve("initdb") + " -D " + dir.resolve("data") + " -U postgres -A trust --no-sync");
            PrivatePostgres postgres = new PrivatePostgres(dir, freePort());
            postgres.up();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Starts the stopped server again, on the same folder and port. */
    public void up() {
        asPostgres(BIN.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -l " + dir.resolve("log") + " -w -o '-p "
                + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off' start");
    }

    /** Stops the server at once, closing every connection ("fast" shutdown). */
    public void down() {
        asPostgres(BIN.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -m fast -w stop");
    }

    @Override
    public void close() {
        if (Files.exists(dir.resolve("data/postmaster.pid"))) {
            down();
        }
        TestFiles.deleteTree(dir);
    }

    private static void asPostgres(String command) {
        run(List.of("runuser", "-u", "postgres", "--", "sh", "-c", command));
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
