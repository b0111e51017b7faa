package org.lectern.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.lectern.content.Catalog;
import org.lectern.content.ChapterAt;
import org.lectern.runner.ProgramRuns;
import org.lectern.runner.RunCaller;
import org.lectern.runner.RunEvent;
import org.lectern.runner.SocketOutbox;
import org.lectern.web.Locales;
import org.lectern.web.Messages;
import org.lectern.web.SameOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket {@code /ws/check}: a challenge's Check and a snippet's "Run ×N", one at a time per connection. A check
 * streams its runs' frames as {@code /ws/run} does (result frames taken out), then a verdict once the submission is
 * stored; a repeated run sends a tally after each run. Every refusal is an error frame with an HTTP status.
 */
final class CheckSocket {
    private static final Logger log = LoggerFactory.getLogger(CheckSocket.class);
    private static final String CALLER = "lectern.check.caller";
    private static final String USER = "lectern.check.user";
    private static final String LOCALE = "lectern.check.locale";

    private final Challenges challenges;
    private final Catalog catalog;
    private final Messages messages;
    private final Function<Context, RunCaller> callers;
    private final Function<Context, Optional<Long>> users;
    private final ObjectMapper json;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    CheckSocket(
            Challenges challenges,
            Catalog catalog,
            Messages messages,
            Function<Context, RunCaller> callers,
            Function<Context, Optional<Long>> users) {
        this.challenges = challenges;
        this.catalog = catalog;
        this.messages = messages;
        this.callers = callers;
        this.users = users;
        this.json = challenges.json();
    }

    void beforeUpgrade(Context ctx) {
        SameOrigin.requireForWebSocket(ctx);
        ctx.attribute(CALLER, callers.apply(ctx));
        ctx.attribute(USER, users.apply(ctx).orElse(null));
        ctx.attribute(LOCALE, Locales.of(ctx));
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.session.setMaxTextMessageSize(4L * challenges.programs().maxCodeBytes() + 65536);
            ctx.session.setIdleTimeout(Duration.ofMinutes(15));
            connections.put(ctx.sessionId(), new Connection(ctx));
        });
        ws.onMessage(ctx -> {
            Connection c = connections.get(ctx.sessionId());
            if (c != null) {
                c.receive(ctx.message());
            }
        });
        ws.onClose(ctx -> closed(ctx.sessionId()));
        ws.onError(ctx -> closed(ctx.sessionId()));
    }

    private void closed(String sessionId) {
        Connection c = connections.remove(sessionId);
        if (c != null) {
            c.stop();
        }
    }

    /** One page's connection and the check or repeated run it has going. */
    private final class Connection {
        private final RunCaller caller;
        private final Long userId;
        private final Locale locale;
        private final SocketOutbox outbox;
        private volatile Runnable stopper;
        private volatile CompletableFuture<?> going = CompletableFuture.completedFuture(null);

        Connection(WsContext ctx) {
            this.caller = ctx.attribute(CALLER);
            this.userId = ctx.attribute(USER);
            this.locale = ctx.attribute(LOCALE);
            this.outbox = new SocketOutbox(ctx.session, challenges.programs().sendBufferBytes(), this::stop);
        }

        void receive(String message) {
            try {
                JsonNode frame = parse(message);
                switch (frame.path("type").asText("")) {
                    case "check" -> check(frame);
                    case "repeat" -> repeat(frame);
                    case "stop" -> stop();
                    default -> throw new CheckRefused(400, "challenge.error.frame");
                }
            } catch (CheckRefused e) {
                error(e.status(), messages.get(locale, e.messageKey(), e.args()));
            } catch (ProgramRuns.Refused e) {
                error(e.status(), e.getMessage());
            } catch (RuntimeException e) {
                log.error("Could not handle a check message", e);
                error(500, messages.get(locale, "challenge.error.server"));
            }
        }

        void stop() {
            Runnable s = stopper;
            if (s != null) {
                s.run();
            }
        }

        private void check(JsonNode frame) throws ProgramRuns.Refused {
            if (userId == null) {
                throw new CheckRefused(401, "challenge.error.signIn");
            }
            ensureIdle();
            ChapterAt chapter = chapter(frame);
            long challengeId = frame.path("challenge").asLong(-1);
            String code = text(frame, "code");
            Check check = challenges.check(userId, chapter, challengeId, code, new Check.Listener() {
                @Override
                public void repetition(int run, int of) {
                    send(json.createObjectNode()
                            .put("type", "repetition")
                            .put("run", run)
                            .put("of", of));
                }

                @Override
                public void event(RunEvent event) {
                    outbox.send(challenges.programs().frame(event));
                }
            });
            stopper = check::stop;
            going = check.start().handle((result, error) -> {
                if (error != null) {
                    failed(error);
                } else if (check.wasStopped()) {
                    send(json.createObjectNode().put("type", "ended").put("stored", false));
                } else {
                    try {
                        verdict(challengeId, code, result);
                    } catch (RuntimeException e) {
                        failed(e);
                    }
                }
                return null;
            });
        }

        private void verdict(long challengeId, String code, CheckResult result) {
            Challenges.Submitted stored = challenges.store(userId, challengeId, code, result);
            ObjectNode frame = json.createObjectNode()
                    .put("type", "verdict")
                    .put("passed", result.passed())
                    .put("status", result.status())
                    .put("attemptNo", stored.attemptNo())
                    .put("testsPassed", result.testsPassed())
                    .put("testsTotal", result.testsTotal())
                    .put("runs", result.runs())
                    .put("failedChecks", stored.failedChecks())
                    .put("mayAskSolution", stored.mayAskSolution());
            frame.set("tests", json.valueToTree(result.tests()));
            frame.set("demands", json.valueToTree(result.demands()));
            if (stored.solution() != null) {
                frame.put("solution", stored.solution());
            }
            send(frame);
            send(json.createObjectNode().put("type", "ended").put("stored", true));
        }

        private void repeat(JsonNode frame) throws ProgramRuns.Refused {
            ensureIdle();
            String code = text(frame, "code");
            int times = frame.path("times").asInt(0);
            if (times < 2 || times > RepeatedRun.MAX_TIMES) {
                throw new CheckRefused(400, "runner.repeat.error.times", RepeatedRun.MAX_TIMES);
            }
            if (code.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    > challenges.programs().maxCodeBytes()) {
                throw new CheckRefused(
                        413, "challenge.error.tooLong", challenges.programs().maxCodeBytes() / 1024);
            }
            JsonNode source = frame.path("source");
            ProgramRuns.Origin origin = new ProgramRuns.Origin(
                    shortText(source.get("course")),
                    shortText(source.get("chapter")),
                    source.path("block").canConvertToInt()
                            ? source.path("block").asInt()
                            : null);
            RepeatedRun run = new RepeatedRun(
                    challenges.programs(), caller, code, origin, times, tally -> send(tallyFrame(tally)));
            stopper = run::stop;
            going = run.start().handle((tally, error) -> {
                if (error != null) {
                    failed(error);
                } else {
                    send(tallyFrame(tally));
                    send(json.createObjectNode().put("type", "ended").put("stored", false));
                }
                return null;
            });
        }

        private ObjectNode tallyFrame(RepeatedRun.Tally tally) {
            ObjectNode frame = json.createObjectNode()
                    .put("type", "tally")
                    .put("done", tally.done())
                    .put("of", tally.of())
                    .put("finished", tally.finished());
            frame.set("outputs", json.valueToTree(tally.outputs()));
            return frame;
        }

        private void failed(Throwable error) {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ProgramRuns.Refused r) {
                error(r.status(), r.getMessage());
            } else {
                log.error("A check failed on the server", cause);
                error(500, messages.get(locale, "challenge.error.server"));
            }
            send(json.createObjectNode().put("type", "ended").put("stored", false));
        }

        private void ensureIdle() {
            if (!going.isDone()) {
                throw new CheckRefused(409, "challenge.error.busy");
            }
        }

        private ChapterAt chapter(JsonNode frame) {
            return catalog.outline(frame.path("course").asText(""))
                    .flatMap(course -> course.find(
                                    frame.path("section").asText(""),
                                    frame.path("chapter").asText(""))
                            .map(at -> new ChapterAt(course, at)))
                    .orElseThrow(() -> new CheckRefused(404, "challenge.error.unknown"));
        }

        private void error(int status, String message) {
            send(json.createObjectNode()
                    .put("type", "error")
                    .put("status", status)
                    .put("message", message));
        }

        private void send(ObjectNode frame) {
            outbox.send(frame.toString());
        }
    }

    private JsonNode parse(String message) {
        try {
            JsonNode node = json.readTree(message);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // answered below like any other frame that is not an object
        }
        throw new CheckRefused(400, "challenge.error.frame");
    }

    private static String text(JsonNode frame, String field) {
        JsonNode value = frame.get(field);
        if (value == null || !value.isTextual()) {
            throw new CheckRefused(400, "challenge.error.frame");
        }
        return value.asText();
    }

    private static String shortText(JsonNode value) {
        return value != null && value.isTextual() && value.asText().length() <= 100 ? value.asText() : null;
    }
}
