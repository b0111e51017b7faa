package org.lectern;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lectern.config.Config;
import org.lectern.config.ConfigException;
import org.lectern.config.Settings;
import org.lectern.content.ContentException;
import org.lectern.db.Database;
import org.lectern.db.DatabaseUnavailableException;
import org.lectern.db.H2Backup;
import org.lectern.runner.RunnerConfig;
import org.lectern.runner.RunnerNodeServer;
import org.lectern.runner.RunnersConfig;
import org.lectern.studio.FolderImport;

/** The command line: {@code serve} (the default), {@code import}, {@code export}, {@code create-admin} and {@code backup}. */
final class Cli {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Function<String, Optional<String>> passwordPrompt;

    Cli(PrintStream out, PrintStream err) {
        this(out, err, System.getenv(), Cli::askConsole);
    }

    /** @param passwordPrompt asks for a secret without echoing it; empty when nobody can be asked */
    Cli(PrintStream out, PrintStream err, Map<String, String> env, Function<String, Optional<String>> passwordPrompt) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.passwordPrompt = passwordPrompt;
    }

    int run(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        try {
            return switch (command) {
                case "serve" -> serve(Config.fromMap(env));
                case "import" -> importContent(args);
                case "export" -> exportCourse(args);
                case "create-admin" -> createAdmin(args);
                case "backup" -> backup(args);
                case "runner" -> runnerNode(args);
                case "help", "--help", "-h" -> help(0);
                default -> {
                    err.println("Unknown command: " + command);
                    yield help(2);
                }
            };
        } catch (ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return 2;
        } catch (DatabaseUnavailableException e) {
            err.println("Cannot open the database (DATABASE_URL): " + e.getMessage());
            return 1;
        }
    }

    private int serve(Config config) {
        App app = App.create(config).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "lectern-shutdown"));
        out.println("Lectern " + App.VERSION + " is running at http://localhost:" + app.port() + "/");
        return waitForever();
    }

    /**
     * {@code import <dir> [--force] [--regrade] [--no-verify]}: all or nothing. Refuses to retire answered questions
     * unless forced, keeps answered questions' verdicts unless asked to regrade them, and verifies every changed
     * challenge in the sandbox first, refusing the import when one fails (unless verification is skipped).
     */
    private int importContent(String[] args) {
        java.util.Set<String> flags =
                new java.util.HashSet<>(Arrays.asList(args).subList(Math.min(2, args.length), args.length));
        boolean force = flags.remove("--force");
        boolean regrade = flags.remove("--regrade");
        boolean verify = !flags.remove("--no-verify");
        if (args.length < 2 || args[1].startsWith("--") || !flags.isEmpty()) {
            err.println("Usage: java -jar lectern.jar import <content-dir> [--force] [--regrade] [--no-verify]");
            return 2;
        }
        Config config = Config.fromMap(env);
        try (App app = App.create(forImport())) {
            FolderImport folder = app.studio().folderImport();
            FolderImport.Plan plan = folder.plan(Path.of(args[1]));
            if (!plan.retiredAnswered().isEmpty() && !force) {
                err.println("Import refused, nothing was changed: these questions have learners' answers and would be"
                        + " retired (add --force to retire them; their answers are kept):");
                plan.retiredAnswered().forEach(q -> err.println("  " + q));
                return 1;
            }
            if (!plan.answerKeyChanges().isEmpty()) {
                out.println(
                        regrade
                                ? "These answered questions get a new answer key; their answers will be graded again (--regrade):"
                                : "These answered questions get a new answer key; their answers keep the verdicts they were"
                                        + " given (add --regrade to grade them again):");
                plan.answerKeyChanges().forEach(q -> out.println("  " + q));
            }
            if (!verifyChallenges(folder, plan, verify)) {
                return 1;
            }
            var report = folder.apply(plan, regrade);
            report.lines().forEach(out::println);
            out.println("Imported " + report.lines().size() + " course(s) into "
                    + config.database().url());
            if (regrade && !plan.answerKeyChanges().isEmpty()) {
                out.println("Regraded the answers to " + plan.answerKeyChanges().size()
                        + " question(s); the studio's revision log says how many verdicts changed.");
            }
            return 0;
        } catch (ContentException e) {
            err.println("Import failed, nothing was changed: " + e.getMessage());
            return 1;
        }
    }

    /** @return false when a changed challenge fails, after saying why */
    private boolean verifyChallenges(FolderImport folder, FolderImport.Plan plan, boolean verify) {
        var changed = plan.changedChallenges();
        if (changed.isEmpty()) {
            return true;
        }
        if (!verify) {
            out.println("Not verifying " + changed.size() + " changed challenge(s) (--no-verify): " + changed);
            return true;
        }
        out.println("Verifying " + changed.size() + " changed challenge(s) in the sandbox:");
        var failures = folder.verify(plan, line -> out.println("  " + line));
        if (failures.isEmpty()) {
            return true;
        }
        err.println("Import refused, nothing was changed: " + failures.size() + " challenge(s) fail verification:");
        failures.forEach(f -> err.println("  " + f));
        err.println("Mend them, or, on a machine that cannot run the sandbox, add --no-verify to import unverified.");
        return false;
    }

    private int exportCourse(String[] args) {
        if (args.length != 3) {
            err.println("Usage: java -jar lectern.jar export <course> <content-dir>");
            return 2;
        }
        try (App app = App.create(withoutImport())) {
            Path dir = Path.of(args[2]).toAbsolutePath().normalize();
            var written = app.exporter().toFolder(args[1], dir);
            if (written.isEmpty()) {
                err.println("No published course '" + args[1] + "'");
                return 1;
            }
            out.println("Exported " + written.get() + " file(s) of " + args[1] + " to " + dir.resolve(args[1]));
            return 0;
        } catch (ContentException e) {
            err.println("Export failed: " + e.getMessage());
            return 1;
        }
    }

    private int backup(String[] args) {
        if (args.length != 2) {
            err.println("Usage: java -jar lectern.jar backup <file.zip>");
            return 2;
        }
        Config config = withoutImport();
        if (!config.database().isH2()) {
            err.println("backup copies the embedded H2 database; for PostgreSQL use pg_dump (see README.md)");
            return 2;
        }
        Path target = Path.of(args[1]).toAbsolutePath().normalize();
        if (Files.exists(target)) {
            err.println("Will not overwrite " + target + ": choose a new file name");
            return 2;
        }
        try (Database database = Database.open(config.database(), config.server())) {
            new H2Backup(database.dsl()).writeTo(target);
            out.println("Backed up " + config.database().url() + " to " + target);
            return 0;
        }
    }

    /** {@code runner --nats <url>}: a runner node, with the sandbox and the warm pool, and no database. */
    private int runnerNode(String[] args) {
        Map<String, String> options = options(args);
        String url = options.get("--nats");
        if (url == null || options.containsKey("?") || !url.startsWith("nats://")) {
            err.println("Usage: java -jar lectern.jar runner --nats nats://host:4222");
            return 2;
        }
        Settings settings = new Settings(env);
        RunnersConfig cluster = RunnersConfig.fromSettings(settings).withNats(url);
        Config.Server server = Config.fromMap(env).server();
        RunnerNodeServer node;
        try {
            node = RunnerNodeServer.start(RunnerConfig.fromSettings(settings), cluster, server.host(), server.port());
        } catch (IOException e) {
            err.println("This machine cannot run learners' code, so it cannot be a runner node: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "lectern-shutdown"));
        out.println("Lectern runner node " + node.nodeId() + " is taking runs from " + url
                + "; health and metrics at http://localhost:" + node.port() + "/");
        return waitForever();
    }

    /** {@code create-admin --email <address> [--name <name>]}: the password from the console or the environment. */
    private int createAdmin(String[] args) {
        Map<String, String> options = options(args);
        String email = options.get("--email");
        if (email == null || options.containsKey("?")) {
            err.println("Usage: java -jar lectern.jar create-admin --email <address> [--name <name>]");
            return 2;
        }
        Optional<String> password = Optional.ofNullable(env.get("LECTERN_ADMIN_PASSWORD"))
                .filter(p -> !p.isEmpty())
                .or(this::promptTwice);
        if (password.isEmpty()) {
            err.println("No password: run this in a terminal, or set LECTERN_ADMIN_PASSWORD.");
            return 2;
        }
        try (App app = App.create(withoutImport())) {
            var admin = app.accounts()
                    .createAdmin(email, options.getOrDefault("--name", ""), password.get(), "command line");
            out.println("Admin ready: " + admin.displayName() + " <" + admin.email() + ">");
            return 0;
        } catch (IllegalArgumentException refused) {
            err.println("No admin was created: " + refused.getMessage());
            return 1;
        }
    }

    private Optional<String> promptTwice() {
        Optional<String> first = passwordPrompt.apply("Password for the new admin: ");
        if (first.isEmpty()) {
            return first;
        }
        Optional<String> again = passwordPrompt.apply("The same password again: ");
        if (!first.equals(again)) {
            err.println("The two passwords differ.");
            return Optional.empty();
        }
        return first;
    }

    private static Optional<String> askConsole(String prompt) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("%s", prompt);
        return typed == null ? Optional.empty() : Optional.of(new String(typed));
    }

    /** {@code --key value} pairs after the command; a stray word is recorded under "?". */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                options.put("?", Arrays.toString(args));
            }
        }
        return options;
    }

    /**
     * The import verifies challenges in this process's own runner: the operator is no learner, so the runs per
     * minute a guest may start do not hold it back (the server's quotas are its own, in its own process).
     */
    private Config forImport() {
        Map<String, String> settings = new HashMap<>(env);
        settings.put("LECTERN_IMPORT_ON_START", "false");
        settings.put("LECTERN_GUEST_RUNS_PER_MINUTE", "1000000");
        return Config.fromMap(settings);
    }

    /** Commands that only need the database must not import content on the way. */
    private Config withoutImport() {
        Map<String, String> settings = new HashMap<>(env);
        settings.put("LECTERN_IMPORT_ON_START", "false");
        return Config.fromMap(settings);
    }

    private int help(int status) {
        (status == 0 ? out : err).println("""
                Usage: java -jar lectern.jar [command]

                  serve             start the web server (the default)
                  import <dir> [--force] [--regrade] [--no-verify]
                                    import the courses of a content folder, all or nothing; refuses to
                                    retire answered questions unless --force; answered questions whose
                                    answer key changes keep their verdicts unless --regrade; verifies
                                    changed challenges in the sandbox and refuses the import when one
                                    fails (--no-verify skips that, for a machine without the sandbox)
                  export <course> <dir>
                                    write a course's published files to <dir>/<course>/
                  create-admin --email <address> [--name <name>]
                                    create an admin (or promote an account); asks for the password,
                                    or reads LECTERN_ADMIN_PASSWORD
                  backup <file.zip> copy the embedded H2 database while the server runs
                  runner --nats nats://host:4222
                                    start a runner node: runs learners' code for the web nodes
                  help              show this text

                Settings come from environment variables; see README.md.""");
        return status;
    }

    private static int waitForever() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
