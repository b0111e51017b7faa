package org.lectern.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.lectern.config.Config;

/**
 * The databases integration tests run against: embedded H2 always, and the real PostgreSQL at 127.0.0.1:5432
 * whenever it answers. Each PostgreSQL test database is a fresh schema, dropped afterwards. When PostgreSQL does
 * not answer, its tests are reported as skipped, with a loud line on stderr, never as passed.
 */
public enum TestDatabase {
    H2,
    POSTGRES;

    static final String PG_URL =
            System.getenv().getOrDefault("LECTERN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getenv().getOrDefault("LECTERN_TEST_PG_USER", "postgres");
    private static volatile Boolean postgresAnswers;

    /** A fresh, empty database of this kind; close it to drop it. */
    public Handle create(Path dataDir) {
        if (this == H2) {
            return new Handle(new Config.Database(Config.defaultH2Url(dataDir), "sa", "", 4), () -> {});
        }
        requirePostgres();
        String schema = "lectern_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("create schema " + schema);
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Handle(
                new Config.Database(url, PG_USER, "", 4), () -> execute("drop schema " + schema + " cascade"));
    }

    /** A test database and how to remove it. */
    public record Handle(Config.Database config, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }
    }

    public static void requirePostgres() {
        if (postgresAnswers == null) {
            try (Connection ignored = DriverManager.getConnection(PG_URL, PG_USER, "")) {
                postgresAnswers = true;
            } catch (SQLException e) {
                postgresAnswers = false;
                System.err.println("""
                        ************************************************************************
                        * SKIPPED: PostgreSQL tests. No PostgreSQL answers at %s
                        * (%s). Start it to run them.
                        ************************************************************************""".formatted(PG_URL, e.getMessage()));
            }
        }
        Assumptions.assumeTrue(postgresAnswers, "SKIPPED: PostgreSQL does not answer at " + PG_URL);
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
                var statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
