package org.lectern.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lectern.testing.Html;

/**
 * One simulated learner: logs in, keeps a runner WebSocket open, and until the deadline reads chapters, answers
 * their questions (right and wrong), runs snippets, leaves feedback and presses Check on challenges (with the
 * starter or the solution), with a pause between steps as people take. Everything goes over real HTTP and
 * WebSocket; what the server acknowledged goes into the {@link Ledger}.
 */
final class Learner {
    static final String PASSWORD = "correct horse battery load";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RUN_PATIENCE = Duration.ofSeconds(40);
    /** A check may run its code several times in a row (a challenge's {@code repeat}), each run queued as any. */
    private static final Duration CHECK_PATIENCE = Duration.ofSeconds(80);

    private static final Pattern QUESTION_ACTION = Pattern.compile("action=\"([^\"]*/questions/(\\d+))\"");
    private static final Pattern OPTION = Pattern.compile("name=\"option\" value=\"(\\d+)\"");
    private static final Pattern LINE = Pattern.compile("name=\"line\" value=\"([^\"]*)\"");
    private static final Pattern VERDICT = Pattern.compile("quiz-question--(correct|wrong)");
    private static final Pattern CHALLENGE_TITLE = Pattern.compile("id=\"challenge-title-(\\d+)\"[^>]*>([^<]*)</h3>");

    private final HttpClient http;
    private final String base;
    private final String email;
    private final List<String> chapters;
    private final Figures figures;
    private final Ledger ledger;
    private final Random random;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final long thinkMillis;
    private final RunMix runs;
    private final CourseChallenges courseChallenges;
    private FrameSocket socket;
    private FrameSocket checkSocket;

    Learner(
            HttpClient http,
            String base,
            String email,
            List<String> chapters,
            CourseChallenges courseChallenges,
            Figures figures,
            Ledger ledger,
            long seed,
            long thinkMillis,
            RunMix runs) {
        this.http = http;
        this.base = base;
        this.email = email;
        this.chapters = chapters;
        this.courseChallenges = courseChallenges;
        this.figures = figures;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.thinkMillis = thinkMillis;
        this.runs = runs;
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
                sleep(Duration.ofNanos(wait));
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
            dropCheckSocket();
        }
    }

    /**
     * Logs in; told the server is busy (503), tries again when its Retry-After says (give or take a fifth, so that
     * a class told the same second does not come back all at once), else after a pause, as a person would.
     */
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
            OptionalLong retryAfter = answer.headers().firstValueAsLong("Retry-After");
            if (retryAfter.isPresent()) {
                long millis = TimeUnit.SECONDS.toMillis(retryAfter.getAsLong());
                pause(deadline, millis * 4 / 5 + random.nextLong(millis * 2 / 5 + 1));
            } else {
                think(deadline);
            }
        }
        return false;
    }

    private void step(long deadline) {
        String chapter = chapters.get(random.nextInt(chapters.size()));
        Offer offer = read(chapter);
        if (!think(deadline) || offer == null) {
            return;
        }
        List<Question> questions = offer.questions();
        List<Challenge> challenges = offer.challenges();
        if (!questions.isEmpty()) {
            answer(questions.get(random.nextInt(questions.size())));
            if (!think(deadline)) {
                return;
            }
        }
        if (random.nextInt(3) == 0) {
            run(runs.pick(random));
            if (!think(deadline)) {
                return;
            }
        }
        if (random.nextInt(4) == 0) {
            leaveFeedback(chapter);
            if (!think(deadline)) {
                return;
            }
        }
        if (!challenges.isEmpty() && random.nextInt(4) == 0) {
            check(chapter, challenges.get(random.nextInt(challenges.size())));
            think(deadline);
        }
    }

    /** What a chapter page offers to answer and to check. */
    private record Offer(List<Question> questions, List<Challenge> challenges) {}

    /**
     * Reads a chapter and what it offers, or null when it did not come. Only the offer outlives this call: 200
     * learners holding their pages while they think kept tens of MB alive in this JVM, and its collector, copying
     * them, stopped every learner at once for up to 0.3 s, time the learners then counted as the server's.
     */
    private Offer read(String chapter) {
        HttpResponse<String> page = get("chapter", chapter);
        if (page == null || page.statusCode() != 200) {
            return null;
        }
        return new Offer(questions(page.body()), challenges(page.body()));
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
            List<String> lines = LINE.matcher(part)
                    .results()
                    .map(m -> Html.unescape(m.group(1)))
                    .toList();
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
        socket = FrameSocket.connect(http, base, "/ws/run", cookieHeader(), true, figures, REQUEST_TIMEOUT);
    }

    private void run(String code) {
        if (socket == null || !socket.isOpen()) {
            connectSocket();
            if (socket == null) {
                return;
            }
        }
        long start = System.nanoTime();
        try {
            socket.send(FrameSocket.JSON.createObjectNode().put("type", "run").put("code", code), REQUEST_TIMEOUT);
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
                frame = socket.next(deadline);
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
                figures.run(refusal(frame));
                return;
            } else if (type.equals("closed")) {
                figures.run("connection closed");
                figures.error("run: socket closed " + frame.path("code").asText());
                dropSocket();
                return;
            }
        }
    }

    private static String refusal(JsonNode error) {
        String message = error.path("message").asText();
        return message.contains("busy") ? "refused: busy" : "refused: " + message;
    }

    private void dropSocket() {
        if (socket != null) {
            socket.drop();
            socket = null;
        }
    }

    // ---- Check on a challenge, over the page's /ws/check

    /** A challenge as the chapter page shows it: its id and title. */
    record Challenge(long id, String title) {}

    static List<Challenge> challenges(String html) {
        return CHALLENGE_TITLE
                .matcher(html)
                .results()
                .map(m -> new Challenge(
                        Long.parseLong(m.group(1)), Html.unescape(m.group(2).trim())))
                .toList();
    }

    /**
     * Presses Check with the challenge's solution or its starter (which fails its tests), then waits for the verdict
     * (the frame that says the check is stored, with its attempt number) or for why there is none.
     */
    private void check(String chapter, Challenge challenge) {
        var code = courseChallenges.find(chapter, challenge.title());
        if (code.isEmpty()) {
            figures.error("check: no content for \"" + challenge.title() + "\" of " + chapter);
            return;
        }
        if (checkSocket == null || !checkSocket.isOpen()) {
            checkSocket = FrameSocket.connect(http, base, "/ws/check", cookieHeader(), false, figures, REQUEST_TIMEOUT);
            if (checkSocket == null) {
                return;
            }
        }
        boolean right = random.nextBoolean();
        String[] slugs = chapter.split("/");
        var frame = FrameSocket.JSON
                .createObjectNode()
                .put("type", "check")
                .put("course", slugs[2])
                .put("section", slugs[3])
                .put("chapter", slugs[4])
                .put("challenge", challenge.id())
                .put("code", right ? code.get().solution() : code.get().starter());
        ledger.checkSent(email, challenge.id());
        long start = System.nanoTime();
        try {
            checkSocket.send(frame, REQUEST_TIMEOUT);
        } catch (Exception e) {
            figures.error("check send: " + rootName(e));
            dropCheckSocket();
            return;
        }
        awaitVerdict(challenge.id(), right ? "solution" : "starter", start);
    }

    /** Reads the check's frames up to its "ended", as the page does, so none of them is left for the next check. */
    private void awaitVerdict(long challengeId, String code, long start) {
        long deadline = start + CHECK_PATIENCE.toNanos();
        boolean verdict = false;
        while (true) {
            JsonNode frame;
            try {
                frame = checkSocket.next(deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (frame == null) {
                figures.check(verdict ? code + ": no end after the verdict" : "no answer");
                figures.error("check: no end within " + CHECK_PATIENCE.toSeconds() + " s");
                return;
            }
            switch (frame.path("type").asText()) {
                case "verdict" -> {
                    verdict = true;
                    boolean passed = frame.path("passed").asBoolean();
                    ledger.checkAcknowledged(
                            email, challengeId, frame.path("attemptNo").asInt(), passed);
                    figures.latency("check to verdict", System.nanoTime() - start);
                    // a check whose run was lost with its runner node is stored as failed: tell it apart
                    String lost = frame.path("status").asText().equals("runner_lost") ? " (runner_lost)" : "";
                    figures.check(code + (passed ? " passed" : " failed") + lost);
                }
                case "ended" -> {
                    if (!verdict) {
                        figures.check("ended, not stored");
                    }
                    return;
                }
                case "error" -> {
                    // a refusal of the check frame itself comes without an "ended"; what follows is cleared
                    int status = frame.path("status").asInt();
                    figures.check(refusal(frame));
                    if (status >= 500 && status != 503) {
                        figures.error("check: error " + status);
                    }
                    return;
                }
                case "closed" -> {
                    if (!verdict) {
                        figures.check("connection closed");
                    }
                    figures.error("check: socket closed " + frame.path("code").asText());
                    dropCheckSocket();
                    return;
                }
                default -> {
                    // queued, started, output, exit and repetition frames: the check is going
                }
            }
        }
    }

    private void dropCheckSocket() {
        if (checkSocket != null) {
            checkSocket.drop();
            checkSocket = null;
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

    /**
     * Pauses as a person would, never past the deadline; false when the deadline has come. A learner whose pause the
     * deadline cut short stops there: were it to go on, every learner still thinking at the deadline would send its
     * next request in the same millisecond, a burst no class makes, that the server answered one after another for
     * a second.
     */
    private boolean think(long deadline) {
        pause(deadline, thinkMillis / 2 + (thinkMillis == 0 ? 0 : random.nextLong(thinkMillis)));
        return System.nanoTime() < deadline;
    }

    private static void pause(long deadline, long pause) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (pause > 0 && left > 0) {
            sleep(Duration.ofMillis(Math.min(pause, left)));
        }
    }

    /** Waits this long; nobody interrupts a learner, so there is nothing to hear. */
    private static void sleep(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    static String rootName(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
