package org.lectern.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.lectern.ask.AskConfig;
import org.lectern.runner.RunnerConfig;
import org.lectern.runner.RunnersConfig;

/**
 * Every setting Lectern reads, with its default. Each comes from an environment variable; the README lists them.
 */
public record Config(
        Server server,
        Database database,
        Content content,
        Accounts accounts,
        RunnerConfig runner,
        RunnersConfig runners,
        AskConfig ask) {

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

    /**
     * Sign-in, sessions and the security settings around them.
     *
     * @param trustProxy take the scheme and client address from X-Forwarded-Proto/-For (behind a reverse proxy)
     * @param secureCookies mark cookies Secure even when the request arrived over plain HTTP
     * @param publicUrl the site's address for links in mails, such as https://learn.example.org; empty: the request's
     */
    public record Accounts(
            boolean trustProxy,
            boolean secureCookies,
            String publicUrl,
            Duration sessionIdle,
            Duration rememberFor,
            Hashing hashing,
            Throttle throttle,
            String adminEmail,
            String adminPassword,
            Smtp smtp) {}

    /** Argon2id cost: memory in KiB, passes, lanes. Tests lower them; production keeps OWASP's minimum or more. */
    public record Hashing(int memoryKib, int iterations, int parallelism, int minPasswordLength) {}

    /** Failed logins allowed per account and per address within the window before a lock of the given length. */
    public record Throttle(int perAccount, int perIp, Duration window, Duration lock) {}

    /** Where password-reset mails go out; without a host the links are written to the log instead. */
    public record Smtp(String host, int port, String user, String password, String from, boolean startTls) {
        public boolean configured() {
            return !host.isEmpty();
        }
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
                accounts(s),
                RunnerConfig.fromSettings(s),
                RunnersConfig.fromSettings(s),
                AskConfig.fromSettings(s));
    }

    private static Accounts accounts(Settings s) {
        return new Accounts(
                s.bool("LECTERN_TRUST_PROXY", false),
                s.bool("LECTERN_SECURE_COOKIES", false),
                s.get("LECTERN_PUBLIC_URL", "").replaceAll("/+$", ""),
                Duration.ofMinutes(s.integer("LECTERN_SESSION_IDLE_MINUTES", 120)),
                Duration.ofDays(s.integer("LECTERN_REMEMBER_ME_DAYS", 30)),
                // OWASP's 9 MiB and 4 passes, one of the settings its cheat sheet rates as equal to 19 MiB and 2
                // passes: the same CPU per hash, and 10 MiB less memory for each hash computed at once
                new Hashing(
                        s.integer("LECTERN_ARGON2_MEMORY_KIB", 9_216),
                        s.integer("LECTERN_ARGON2_ITERATIONS", 4),
                        s.integer("LECTERN_ARGON2_PARALLELISM", 1),
                        s.integer("LECTERN_PASSWORD_MIN_LENGTH", 10)),
                new Throttle(
                        s.integer("LECTERN_LOGIN_MAX_FAILURES_ACCOUNT", 5),
                        s.integer("LECTERN_LOGIN_MAX_FAILURES_IP", 30),
                        Duration.ofMinutes(s.integer("LECTERN_LOGIN_WINDOW_MINUTES", 15)),
                        Duration.ofMinutes(s.integer("LECTERN_LOGIN_LOCK_MINUTES", 15))),
                s.get("LECTERN_ADMIN_EMAIL", ""),
                s.get("LECTERN_ADMIN_PASSWORD", ""),
                new Smtp(
                        s.get("LECTERN_SMTP_HOST", ""),
                        s.integer("LECTERN_SMTP_PORT", 587),
                        s.get("LECTERN_SMTP_USER", ""),
                        s.get("LECTERN_SMTP_PASSWORD", ""),
                        s.get("LECTERN_SMTP_FROM", "lectern@localhost"),
                        s.bool("LECTERN_SMTP_STARTTLS", true)));
    }

    /**
     * The naming options match the ones jOOQ's classes were generated with, so names line up. {@code WRITE_DELAY=0}
     * writes each commit to the file before the commit returns: with H2's default (a background write up to 500 ms
     * later) a killed server or a full disk loses answers that learners were told were saved. The price is space:
     * every commit writes its own chunk (about 16 KB), which H2 reuses only after its retention time (45 s), so the
     * file carries roughly 45 s of commits on top of its data, and a bulk load in one transaction grows it a lot.
     * {@code QUERY_CACHE_SIZE=64} keeps that many parsed statements per connection (H2's default, 8, is fewer than a
     * signed-in chapter page runs, so most were parsed again on every view). {@code CACHE_SIZE=8192} keeps 8 MB of
     * pages, half H2's default: as every commit writes its pages anew, the cache fills with versions no longer read,
     * and under a class of 200 its 16 MB were the largest part of a 112 MB heap that lived long enough to need full
     * collections (two of 110 to 150 ms a minute; with 8 MB, one of 80 ms). The course's database is a few MB.
     */
    public static String defaultH2Url(Path dataDir) {
        return h2Url(dataDir, true);
    }

    /** The embedded database's URL; {@code writeEachCommit} false leaves writing to H2's background thread. */
    public static String h2Url(Path dataDir, boolean writeEachCommit) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("lectern")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;CACHE_SIZE=8192"
                + (writeEachCommit ? ";WRITE_DELAY=0" : "");
    }

    public Config withPort(int port) {
        return new Config(
                new Server(port, server.host(), server.dataDir(), server.devMode(), server.devRoot()),
                database,
                content,
                accounts,
                runner,
                runners,
                ask);
    }
}
