package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.config.Config;

/** {@code create-admin}: the password from the environment or the console, never from the arguments. */
class CreateAdminCliTest {
    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> extra, Function<String, Optional<String>> prompt, String... args) {
        Map<String, String> env = new HashMap<>(Map.of(
                "LECTERN_DATA_DIR", data.toString(),
                "LECTERN_ARGON2_MEMORY_KIB", "1024",
                "LECTERN_ARGON2_ITERATIONS", "1"));
        env.putAll(extra);
        return new Cli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        env,
                        prompt)
                .run(args);
    }

    private boolean isAdmin(String email) {
        try (App app = App.create(
                Config.fromMap(Map.of("LECTERN_DATA_DIR", data.toString(), "LECTERN_IMPORT_ON_START", "false")))) {
            return app.database()
                            .dsl()
                            .fetchCount(
                                    org.lectern.db.schema.Tables.APP_USER,
                                    org.lectern.db.schema.Tables.APP_USER
                                            .EMAIL
                                            .eq(email)
                                            .and(org.lectern.db.schema.Tables.APP_USER.ROLE.eq("admin")))
                    == 1;
        }
    }

    @Test
    void createAdminReadsThePasswordFromTheEnvironment() {
        int status = run(
                Map.of("LECTERN_ADMIN_PASSWORD", "the admin's long passphrase"),
                prompt -> Optional.empty(),
                "create-admin",
                "--email",
                "Root@Example.org",
                "--name",
                "Root");
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Admin ready: Root <root@example.org>");
        assertThat(isAdmin("root@example.org")).isTrue();
    }

    @Test
    void createAdminAsksTwiceOnTheConsoleAndRefusesAWeakPassword() {
        assertThat(run(Map.of(), prompt -> Optional.of("password123"), "create-admin", "--email", "a@example.org"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("No admin was created", "password refused");
        String[] answers = {"first long passphrase", "second long passphrase"};
        int[] asked = {0};
        assertThat(run(
                        Map.of(),
                        prompt -> Optional.of(answers[asked[0]++]),
                        "create-admin",
                        "--email",
                        "a@example.org"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("The two passwords differ.");
        assertThat(run(
                        Map.of(),
                        prompt -> Optional.of("one long passphrase"),
                        "create-admin",
                        "--email",
                        "a@example.org"))
                .isZero();
        assertThat(isAdmin("a@example.org")).isTrue();
    }

    @Test
    void createAdminWithoutAConsoleOrPasswordExplainsWhatToDo() {
        assertThat(run(Map.of(), prompt -> Optional.empty(), "create-admin", "--email", "a@example.org"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("LECTERN_ADMIN_PASSWORD");
        assertThat(run(Map.of(), prompt -> Optional.empty(), "create-admin")).isEqualTo(2);
        assertThat(err.toString()).contains("Usage:");
    }
}
