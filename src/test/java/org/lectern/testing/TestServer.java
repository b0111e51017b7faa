package org.lectern.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.lectern.App;
import org.lectern.config.Config;
import org.lectern.runner.TestRunners;

/** The real application on a free port, with its own data folder, for HTTP and browser tests. */
public final class TestServer implements AutoCloseable {
    public static final Path FIXTURE_CONTENT = Path.of("src/test/resources/fixtures/content");
    private final App app;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private TestServer(App app, Path dataDir) {
        this.app = app;
        this.dataDir = dataDir;
    }

    public static TestServer start(Path contentDir) {
        return start(contentDir, Map.of());
    }

    /** @param extraEnv settings on top of the test defaults, as environment variables would give them */
    public static TestServer start(Path contentDir, Map<String, String> extraEnv) {
        try {
            Path dataDir = Files.createTempDirectory("lectern-test-");
            Map<String, String> env = new HashMap<>();
            env.put("PORT", "0");
            env.put("LECTERN_HOST", "127.0.0.1");
            env.put("LECTERN_DATA_DIR", dataDir.toString());
            env.put("LECTERN_CONTENT_DIR", contentDir.toString());
            // Argon2id at a fraction of production cost: tests log in hundreds of times.
            env.put("LECTERN_ARGON2_MEMORY_KIB", "1024");
            env.put("LECTERN_ARGON2_ITERATIONS", "1");
            env.putAll(TestRunners.sandboxUidsFromEnvironment());
            env.putAll(extraEnv);
            return new TestServer(App.create(Config.fromMap(env)).start(), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public App app() {
        return app;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.GET().build());
    }

    public HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    /** Sends through the given client, turning checked failures into unchecked ones as tests want them. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
        TestFiles.deleteTree(dataDir);
    }
}
