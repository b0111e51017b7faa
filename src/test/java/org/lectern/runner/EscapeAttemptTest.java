package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Code that reaches for the network, the host's files and environment, or other processes finds nothing there. */
class EscapeAttemptTest extends HostileSuite {

    @Test
    void aHostPortWhereARealServerListensIsOutOfReach() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return listener.accept();
                } catch (IOException closed) {
                    return null;
                }
            });
            Transcript t = run(py(
                    "import socket",
                    "for port in (" + listener.getLocalPort() + ", " + server.port() + "):",
                    "    try:",
                    "        socket.create_connection(('127.0.0.1', port), timeout=2)",
                    "        print('connected', port)",
                    "    except OSError as e:",
                    "        print('refused')"));
            assertThat(t.status()).as(t.toString()).isEqualTo("ok");
            assertThat(t.stdout()).isEqualTo("refused\nrefused\n");
            listener.close();
            assertThat(accepted.join()).as("a connection from the sandbox").isNull();
        }
    }

    @Test
    void namesDoNotResolveAndTheOnlyInterfaceIsItsOwnLoopback() {
        Transcript t = run(py(
                "import socket",
                "print(socket.if_nameindex())",
                "try:",
                "    socket.getaddrinfo('lectern-test.invalid', 80)",
                "    print('resolved')",
                "except OSError:",
                "    print('no name service')"));
        assertThat(t.status()).as(t.toString()).isEqualTo("ok");
        assertThat(t.stdout()).isEqualTo("[(1, 'lo')]\nno name service\n");
    }

    @Test
    void theHostsFilesAreNotThere() throws SQLException {
        Path database = Path.of("target", "escape-test", "lectern").toAbsolutePath();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "")) {
            c.createStatement().execute("create table if not exists secret (word varchar)");
        }
        Path file = Path.of(database + ".mv.db");
        assertThat(file).exists();
        Transcript t = run(py(
                "import os",
                "for path in ['" + file + "', '" + file.getParent() + "', '/etc/shadow', '/etc/passwd', '/root',",
                "             '/home', '/work', '/var', '/sys/fs/cgroup', '"
                        + Path.of("").toAbsolutePath() + "']:",
                "    print(os.path.exists(path))",
                "try:",
                "    open('/usr/lectern-was-here', 'w')",
                "except OSError as e:",
                "    print(type(e).__name__)"));
        assertThat(t.status()).as(t.toString()).isEqualTo("ok");
        assertThat(t.stdout()).isEqualTo("False\n".repeat(10) + "OSError\n");
    }

    @Test
    void theServersEnvironmentIsInvisibleEvenThroughProc() {
        String secret = System.getenv("LECTERN_TEST_SECRET");
        assertThat(secret).as("surefire passes the server a secret to hide").isNotBlank();
        Transcript t = run(py(
                "import os",
                "print(dict(os.environ))",
                "for pid in [p for p in os.listdir('/proc') if p.isdigit()]:",
                "    try:",
                "        print(pid, open(f'/proc/{pid}/environ', 'rb').read())",
                "    except OSError as e:",
                "        print(pid, type(e).__name__)"));
        assertThat(t.status()).as(t.toString()).isEqualTo("ok");
        assertThat(t.stdout()).contains("'HOME': '/tmp'").doesNotContain(secret, "LECTERN_TEST_SECRET", "JAVA");
    }

    @Test
    void signallingPidOneTheParentAndEveryoneLeavesTheProgramAlone() {
        Transcript t = run(py(
                "import os, signal",
                "for target in (1, os.getppid(), -1):",
                "    try:",
                "        os.kill(target, signal.SIGKILL)",
                "    except OSError:",
                "        pass",
                "print('still here')"));
        assertThat(t.status()).as(t.toString()).isEqualTo("ok");
        assertThat(t.stdout()).isEqualTo("still here\n");
    }

    @Test
    void theServerProcessCannotBeSignalled() {
        Transcript t = run(py(
                "import os, signal",
                "try:",
                "    os.kill(" + ProcessHandle.current().pid() + ", signal.SIGKILL)",
                "except OSError as e:",
                "    print(type(e).__name__)"));
        assertThat(t.status()).as(t.toString()).isEqualTo("ok");
        assertThat(t.stdout()).isEqualTo("ProcessLookupError\n");
    }

    @Test
    void aDoubleForkedDaemonDiesWithItsRun() {
        String marker = "987." + Math.abs(ThreadLocalRandom.current().nextInt());
        Transcript t = run(py(
                "import os, time",
                "if os.fork() == 0:",
                "    os.setsid()",
                "    if os.fork() == 0:",
                "        open('/tmp/lectern-daemon-" + marker + "', 'w').write('alive')",
                "        os.execv('/usr/bin/sleep', ['sleep', '" + marker + "'])",
                "    os._exit(0)",
                "time.sleep(0.2)",
                "print('parent done')"));
        assertThat(t.status()).as(t.toString()).isEqualTo("ok");
        assertThat(t.exit().path("processes").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info()
                                .arguments()
                                .map(a -> String.join(" ", a))
                                .orElse("")
                                .contains(marker)))
                .as("processes of the run after its exit")
                .isEmpty();
        assertThat(Path.of("/tmp/lectern-daemon-" + marker)).doesNotExist();
    }
}
