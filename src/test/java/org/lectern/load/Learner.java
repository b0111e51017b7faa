package org.lectern.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One simulated learner: logs in, keeps a runner WebSocket open, and until the deadline reads chapters, answers
 * their questions (right and wrong), runs snippets and leaves feedback, with a pause between steps as people take.
 * Everything goes over real HTTP and WebSocket; what the server acknowledged goes into the {@link Ledger}.
 */
final class Learner {
    static final String PASSWORD = "correct horse battery load";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RUN_PATIENCE = Duration.ofSeconds(40);
    private static final Pattern QUESTION_ACTION = Pattern.compile("action=\"([^\"]*/questions/(\\d+))\"");
    private static final Pattern OPTION = Pattern.compile("name=\"option\" value=\"(\\d+)\"");
    private static final Pattern LINE = Pattern.compile("name=\"line\" value=\"([^\"]*)\"");
    private static final Pattern VERDICT = Pattern.compile("quiz-question--(correct|wrong)");

    /** The snippet mix: mostly short prints, some one-second sleeps, a few small process pools. */
    static final List<String> SNIPPETS = List.of(
            "print('hello from the load test')",
            "for i in range(3):\n    print(i * i)",
            "import time\nprint('sleeping')\ntime.sleep(1)\nprint('awake')",
            "from multiprocessing import Pool\n\n"
                    + "def square(x):\n    return x * x\n\n"
                    + "if __name__ == '__main__':\n"
                    + "    with Pool(2) as pool:\n        print(sum(pool.map(square, range(1000))))");

    private final HttpClient http;
    private final String base;
    private final String email;
    private final List<String> chapters;
    private final Figures figures;
    private final Ledger ledger;
    private final Random random;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final long thinkMillis;
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private WebSocket socket;
    private AtomicBoolean socketCounted;

    Learner(
            HttpClient http,
            String base,
            String email,
            List<String> chapters,
            Figures figures,
            Ledger ledger,
            long seed,
            long thinkMillis) {
        this.http = http;
        this.base = base;
        this.email = email;
        this.chapters = chapters;
        this.figures = figures;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.thinkMillis = thinkMillis;
    }

    static String email(int index) {
        return "learner-" + index + "@load.example";
    }

    /** Makes the account (outside the measured time); the session it starts is dropped. */
    boolean signUp() {
        get("signup page", "/signup");
        HttpResponse<String> answer = post(
                "signup",
                "/signup",
                List.of(
                        Map.entry("displayName", "Learner " + email),
                        Map.entry("email", email),
                        Map.entry("password", PASSWORD)));
        cookies.clear();
        return answer != null && answer.statusCode() == 302;
    }

    /** Acts from the start until the deadline (System.nanoTime()), then closes its socket. */
    void act(long start, long deadline) {
        try {
            long wait = start - System.nanoTime();
            if (wait > 0) {
                ServerProcess.sleep(Duration.ofNanos(wait));
            }
            if (!logIn(deadline)) {
                return;
            }
            connectSocket();
            while (System.nanoTime() < deadline) {
                step(deadline);
            }
        } finally {
            dropSocket();
        }
    }

    /** Logs in; told the server is busy (503), tries again a moment later, as a person would. */
    private boolean logIn(long deadline) {
        while (System.nanoTime() < deadline) {
            get("login page", "/login");
            HttpResponse<String> answer =
                    post("login", "/login", List.of(Map.entry("email", email), Map.entry("password", PASSWORD)));
            if (answer != null && answer.statusCode() == 302) {
                return true;
            }
            if (answer == null || answer.statusCode() != 503) {
                return false;
            }
            think(deadline);
        }
        return false;
    }

    private void step(long deadline) {
        String chapter = chapters.get(random.nextInt(chapters.size()));
        HttpResponse<String> page = get("chapter", chapter);
        think(deadline);
        if (page == null || page.statusCode() != 200) {
            return;
        }
        List<Question> questions = questions(page.body());
        if (!questions.isEmpty()) {
            answer(questions.get(random.nextInt(questions.size())));
            think(deadline);
        }
        if (random.nextInt(3) == 0) {
            run(SNIPPETS.get(snippetIndex()));
            think(deadline);
        }
        if (random.nextInt(4) == 0) {
            leaveFeedback(chapter);
            think(deadline);
        }
    }

    private int snippetIndex() {
        int roll = random.nextInt(100);
        return roll < 35 ? 0 : roll < 60 ? 1 : roll < 85 ? 2 : 3;
    }

    /** A question as the chapter page shows it: where to post, and what can be chosen or ordered. */
    record Question(String action, long id, List<String> options, List<String> lines) {}

    static List<Question> questions(String html) {
        List<Question> questions = new ArrayList<>();
        String[] parts = html.split("class=\"quiz-form\"");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            Matcher action = QUESTION_ACTION.matcher(part);
            if (!action.find()) {
                continue;
            }
            List<String> options =
                    OPTION.matcher(part).results().map(m -> m.group(1)).toList();
            List<String> lines =
                    LINE.matcher(part).results().map(m -> unescape(m.group(1))).toList();
            questions.add(new Question(action.group(1), Long.parseLong(action.group(2)), options, lines));
        }
        return questions;
    }

    private void answer(Question question) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        if (random.nextInt(6) == 0) {
            fields.add(Map.entry("give_up", "1"));
        } else if (!question.options().isEmpty()) {
            fields.add(Map.entry(
                    "option",
                    question.options().get(random.nextInt(question.options().size()))));
        } else if (!question.lines().isEmpty()) {
            question.lines().forEach(line -> fields.add(Map.entry("line", line)));
        } else {
            fields.add(Map.entry("text", Integer.toString(random.nextInt(4))));
        }
        fields.add(Map.entry("shown_at", Long.toString(System.currentTimeMillis() - 5_000)));
        ledger.answerSent(email, question.id());
        HttpResponse<String> answer = post("answer", question.action(), fields, "HX-Request", "true");
        if (answer != null && answer.statusCode() == 200) {
            ledger.answerAcknowledged(email, question.id());
            Matcher verdict = VERDICT.matcher(answer.body());
            figures.outcome("answer " + (verdict.find() ? verdict.group(1) : "shown"));
        }
    }

    private void leaveFeedback(String chapter) {
        String path = chapter + "/feedback";
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("clear", random.nextBoolean() ? "yes" : "no"));
        if (random.nextBoolean()) {
            fields.add(Map.entry("comment", "Load test suggestion " + random.nextInt(1000) + " ✓"));
        }
        ledger.feedbackSent(email, chapter);
        HttpResponse<String> answer = post("feedback", path, fields, "HX-Request", "true");
        if (answer != null && answer.statusCode() == 200) {
            ledger.feedbackAcknowledged(email, chapter);
        }
    }

    // ---- the runner's WebSocket

    private void connectSocket() {
        long start = System.nanoTime();
        Listener listener = new Listener();
        try {
            socket = http.newWebSocketBuilder()
                    .header("Cookie", cookieHeader())
                    .connectTimeout(REQUEST_TIMEOUT)
                    .buildAsync(URI.create(base.replace("http://", "ws://") + "/ws/run"), listener)
                    .get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            figures.latency("ws connect", System.nanoTime() - start);
            figures.socketOpened();
            socketCounted = listener.open;
        } catch (Exception e) {
            figures.error("ws connect: " + rootName(e));
            socket = null;
        }
    }

    private void run(String code) {
        if (socket == null || socket.isOutputClosed() || socket.isInputClosed()) {
            connectSocket();
            if (socket == null) {
                return;
            }
        }
        frames.clear();
        long start = System.nanoTime();
        try {
            socket.sendText(
                            JSON.createObjectNode()
                                    .put("type", "run")
                                    .put("code", code)
                                    .toString(),
                            true)
                    .get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            figures.error("run send: " + rootName(e));
            dropSocket();
            return;
        }
        awaitRunEnd(start);
    }

    private void awaitRunEnd(long start) {
        boolean output = false;
        long deadline = start + RUN_PATIENCE.toNanos();
        while (true) {
            JsonNode frame;
            try {
                frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (frame == null) {
                figures.run("no answer");
                figures.error("run: no exit within " + RUN_PATIENCE.toSeconds() + " s");
                return;
            }
            String type = frame.path("type").asText();
            if (type.equals("output") && !output) {
                output = true;
                figures.latency("run first output", System.nanoTime() - start);
            } else if (type.equals("exit")) {
                figures.latency("run to exit", System.nanoTime() - start);
                figures.run(frame.path("status").asText());
                return;
            } else if (type.equals("error")) {
                String message = frame.path("message").asText();
                figures.run(message.contains("busy") ? "refused: busy" : "refused: " + message);
                return;
            } else if (type.equals("closed")) {
                figures.run("connection closed");
                figures.error("run: socket closed " + frame.path("code").asText());
                dropSocket();
                return;
            }
        }
    }

    private void dropSocket() {
        if (socket != null) {
            socket.abort();
            socket = null;
            if (socketCounted.compareAndSet(true, false)) {
                figures.socketClosed();
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        /** True while this socket counts as open, so that its close is counted once, whoever notices first. */
        private final AtomicBoolean open = new AtomicBoolean(true);

        private void closed() {
            if (open.compareAndSet(true, false)) {
                figures.socketClosed();
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    figures.error("run: frame that is not JSON");
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed();
            frames.add(JSON.createObjectNode().put("type", "closed").put("code", statusCode));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed();
            frames.add(JSON.createObjectNode().put("type", "closed").put("code", rootName(error)));
        }
    }

    // ---- HTTP with this learner's own cookies

    private HttpResponse<String> get(String kind, String path) {
        return send(kind, request(path).GET().build());
    }

    private HttpResponse<String> post(
            String kind, String path, List<Map.Entry<String, String>> fields, String... headers) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", cookies.getOrDefault("lectern_csrf", "")));
        String body = all.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(kind, request.build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        return request;
    }

    private HttpResponse<String> send(String kind, HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            figures.latency(kind, System.nanoTime() - start);
            keepCookies(response);
            int status = response.statusCode();
            if (status == 503) {
                figures.outcome("busy (503) " + kind);
            } else if (status >= 500) {
                figures.error("5xx " + kind + " " + status);
            } else if (status >= 400) {
                figures.error("4xx " + kind + " " + status);
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            figures.error("io " + kind + ": " + rootName(e));
            return null;
        }
    }

    private void keepCookies(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private String cookieHeader() {
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private void think(long deadline) {
        long pause = thinkMillis / 2 + (thinkMillis == 0 ? 0 : random.nextLong(thinkMillis));
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (pause > 0 && left > 0) {
            ServerProcess.sleep(Duration.ofMillis(Math.min(pause, left)));
        }
    }

    private static String rootName(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
