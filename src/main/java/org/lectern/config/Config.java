package org.lectern.config;

import java.nio.file.Path;
import java.util.Map;
import org.lectern.runner.RunnerConfig;

/**
 * Every setting Lectern reads, with its default. Each comes from an environment variable; the README lists them.
 */
public record Config(Server server, Database database, Content content, RunnerConfig runner) {

    /** Where the web server listens and where it keeps its files. */
    public record Server(int port, String host, Path dataDir, boolean devMode, Path devRoot) {}

    /** The JDBC database: embedded H2 under the data folder unless DATABASE_URL says otherwise. */
    public record Database(String url, String user, String password, int poolSize) {
        public boolean isH2() {
            return url.startsWith("jdbc:h2:");
        }
    }

    /** The content folder imported at start-up. */
    public record Content(Path dir, boolean importOnStart) {}

    public static Config fromEnvironment() {
        return fromMap(System.getenv());
    }

    /** Builds the settings from a map of variables: the environment in production, a plain map in tests. */
    public static Config fromMap(Map<String, String> env) {
        Settings s = new Settings(env);
        Path dataDir = s.path("LECTERN_DATA_DIR", "./data");
        return new Config(
                new Server(
                        s.integer("PORT", 7070),
                        s.get("LECTERN_HOST", "0.0.0.0"),
                        dataDir,
                        s.bool("LECTERN_DEV", false),
                        s.path("LECTERN_DEV_ROOT", ".")),
                new Database(
                        s.get("DATABASE_URL", defaultH2Url(dataDir)),
                        s.get("DATABASE_USER", "sa"),
                        s.get("DATABASE_PASSWORD", ""),
                        s.integer("DATABASE_POOL_SIZE", 10)),
                new Content(s.path("LECTERN_CONTENT_DIR", "./content"), s.bool("LECTERN_IMPORT_ON_START", true)),
                RunnerConfig.fromSettings(s));
    }

    /** The H2 options match the ones jOOQ's classes were generated with, so names line up. */
    public static String defaultH2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("lectern")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    public Config withPort(int port) {
        return new Config(
                new Server(port, server.host(), server.dataDir(), server.devMode(), server.devRoot()),
                database,
                content,
                runner);
    }
}
