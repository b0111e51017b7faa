package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A real server on a free port, as App will build it: the runner's routes beside a trivial /health, over an
 * in-memory H2 database migrated like production. Finished runs are also handed to the test as they are recorded.
 */
final class RunnerServer implements AutoCloseable {
    final RunnerModule module;
    final DSLContext db;
    final BlockingQueue<FinishedRun> finished = new LinkedBlockingQueue<>();
    private final Javalin app;
    private JdbcConnectionPool pool;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunnerServer(RunnerConfig config, Function<Context, RunCaller> callers) {
        this.db = database();
        this.module = new RunnerModule(config, db, callers, finished::add);
        this.app = Javalin.create(c -> {
                    c.startup.showJavalinBanner = false;
                    c.routes.get("/health", ctx -> ctx.result("ok"));
                    module.addRoutes(c.routes);
                })
                .start("127.0.0.1", 0);
    }

    static RunnerServer start(RunnerConfig config) {
        return new RunnerServer(config, RunnerModule.guestsByIp());
    }

    static RunnerServer start(RunnerConfig config, Function<Context, RunCaller> callers) {
        return new RunnerServer(config, callers);
    }

    int port() {
        return app.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    RunClient connect() {
        return RunClient.connect(wsUri(), null);
    }

    URI wsUri() {
        return URI.create("ws://127.0.0.1:" + port() + "/ws/run");
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("POST " + path + " failed", e);
        }
    }

    /** Asks /health and says how long the answer took; the server must answer, and quickly, whatever code runs. */
    Duration health() {
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(uri("/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError("/health did not answer", e);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The next run to be recorded, waiting up to the timeout. */
    FinishedRun nextFinished(Duration timeout) {
        try {
            FinishedRun run = finished.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(run).as("a run is recorded within %s", timeout).isNotNull();
            return run;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** This run's record, once it is written; earlier tests' runs may still be recorded meanwhile. */
    FinishedRun finished(String runId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (FinishedRun run = nextFinished(timeout); ; run = nextFinished(timeout)) {
            if (run.runId().equals(runId)) {
                return run;
            }
            assertThat(System.nanoTime()).as("run %s recorded in time", runId).isLessThan(deadline);
        }
    }

    @Override
    public void close() {
        app.stop();
        module.close();
        pool.dispose();
    }

    /** Pooled, as production's Hikari pool is: a connection per insert would make recording the cost of a run. */
    private DSLContext database() {
        JdbcConnectionPool source = JdbcConnectionPool.create(
                "jdbc:h2:mem:runner-" + ThreadLocalRandom.current().nextLong()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        this.pool = source;
        Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return DSL.using(source, SQLDialect.H2);
    }
}
