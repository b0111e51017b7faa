package org.lectern.runner;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/runs}: runs a program to its end and answers with all of it at once. Input comes with the request
 * and ends there. Every refusal is a JSON {@code {"error": ...}} with its status code.
 */
final class RunApi {
    private static final Logger log = LoggerFactory.getLogger(RunApi.class);

    private final RunService runs;
    private final RunRequestReader reader;
    private final RunJson json;
    private final Function<Context, RunCaller> callers;

    RunApi(RunService runs, RunRequestReader reader, RunJson json, Function<Context, RunCaller> callers) {
        this.runs = runs;
        this.reader = reader;
        this.json = json;
        this.callers = callers;
    }

    void create(Context ctx) {
        ctx.contentType("application/json");
        // a JSON content type cannot be sent cross-site without a CORS preflight, which this server never grants
        if (!ctx.isJson()) {
            ctx.status(HttpStatus.BAD_REQUEST)
                    .result(json.errorBody("Send the run as JSON (Content-Type: application/json)."));
            return;
        }
        Output output = new Output();
        Run run;
        try {
            run = runs.start(reader.read(json.parseObject(ctx.body()), callers.apply(ctx), true), output);
        } catch (RunRejected e) {
            ctx.status(statusFor(e.reason())).result(json.errorBody(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            log.error("Could not start a run for the HTTP API", e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).result(json.errorBody(RunSocket.SERVER_FAULT));
            return;
        }
        ctx.future(() -> run.done()
                .thenAccept(result -> ctx.result(json.resultBody(run.id(), result, output.stdout(), output.stderr()))));
    }

    static HttpStatus statusFor(RunRejected.Reason reason) {
        return switch (reason) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case ALREADY_RUNNING, RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case BUSY, UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** Collects what the program wrote; the output limit keeps it small. */
    private static final class Output implements Consumer<RunEvent> {
        private final StringBuilder stdout = new StringBuilder();
        private final StringBuilder stderr = new StringBuilder();

        @Override
        public synchronized void accept(RunEvent event) {
            if (event instanceof RunEvent.Output o) {
                (o.stream() == RunEvent.Stream.STDOUT ? stdout : stderr).append(o.data());
            }
        }

        synchronized String stdout() {
            return stdout.toString();
        }

        synchronized String stderr() {
            return stderr.toString();
        }
    }
}
