package org.lectern;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.lectern.config.Config;
import org.lectern.config.ConfigException;
import org.lectern.content.ContentException;
import org.lectern.db.Database;
import org.lectern.db.H2Backup;

/** The command line: {@code serve} (the default) and {@code import <dir>}. */
final class Cli {
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    Cli(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = Map.copyOf(env);
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        try {
            return switch (command) {
                case "serve" -> serve(Config.fromMap(env));
                case "import" -> importContent(args);
                case "backup" -> backup(args);
                case "help", "--help", "-h" -> help(0);
                default -> {
                    err.println("Unknown command: " + command);
                    yield help(2);
                }
            };
        } catch (ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return 2;
        }
    }

    private int serve(Config config) {
        App app = App.create(config).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "lectern-shutdown"));
        out.println("Lectern " + App.VERSION + " is running at http://localhost:" + app.port() + "/");
        return waitForever();
    }

    private int importContent(String[] args) {
        if (args.length != 2) {
            err.println("Usage: java -jar lectern.jar import <content-dir>");
            return 2;
        }
        Map<String, String> settings = new HashMap<>(env);
        settings.put("LECTERN_IMPORT_ON_START", "false");
        Config config = Config.fromMap(settings);
        try (App app = App.create(config)) {
            var report = app.content().importAll(Path.of(args[1]));
            report.lines().forEach(out::println);
            out.println("Imported " + report.lines().size() + " course(s) into "
                    + config.database().url());
            return 0;
        } catch (ContentException e) {
            err.println("Import failed, nothing was changed: " + e.getMessage());
            return 1;
        }
    }

    private int backup(String[] args) {
        if (args.length != 2) {
            err.println("Usage: java -jar lectern.jar backup <file.zip>");
            return 2;
        }
        Map<String, String> settings = new HashMap<>(env);
        settings.put("LECTERN_IMPORT_ON_START", "false");
        Config config = Config.fromMap(settings);
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

    private int help(int status) {
        (status == 0 ? out : err).println("""
                Usage: java -jar lectern.jar [command]

                  serve             start the web server (the default)
                  import <dir>      import the courses of a content folder, all or nothing
                  backup <file.zip> copy the embedded H2 database while the server runs
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
