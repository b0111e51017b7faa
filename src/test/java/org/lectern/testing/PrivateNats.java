package org.lectern.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A {@code nats-server} of the test's own on a free loopback port, so a test may stop and restart it: the machine's
 * shared NATS is never touched. Where no nats-server is installed the tests that need one are skipped, loudly.
 */
public final class PrivateNats implements AutoCloseable {
    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin/nats-server"), Path.of("/usr/bin/nats-server"));

    private final Path binary;
    private final int port;
    private Process process;

    private PrivateNats(Path binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    /** Where nats-server is installed, if it is. */
    public static Optional<Path> binary() {
        return PLACES.stream().filter(Files::isExecutable).findFirst();
    }

    /** Starts one; in a test, skips it (with a message on stderr) when no nats-server is installed. */
    public static PrivateNats start() {
        Path binary = binary().orElse(null);
        if (binary == null) {
            System.err.println("""
                    ************************************************************************
                    * SKIPPED: runner-node tests. No nats-server is installed (looked in
                    * %s). apt-get install nats-server to run them.
                    ************************************************************************""".formatted(PLACES));
        }
        Assumptions.assumeTrue(binary != null, "SKIPPED: no nats-server to start a private NATS with");
        PrivateNats nats = new PrivateNats(binary, freePort());
        nats.restart();
        return nats;
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** Starts the server (again) on the same port, and waits until it accepts connections. */
    public void restart() {
        try {
            process = new ProcessBuilder(binary.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!answers()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("nats-server did not start on port " + port);
            }
            pause();
        }
    }

    /** Kills the server at once, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            kill();
        }
    }
}
