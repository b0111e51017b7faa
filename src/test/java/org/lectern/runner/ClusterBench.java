package org.lectern.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The driver of {@code bench/cluster}, which starts the processes and passes their addresses in the environment:
 * BENCH_LB (nginx), BENCH_WEB1 and BENCH_WEB2 (the web nodes), BENCH_RUNNERS ("pid@healthPort,..."). It checks the
 * cluster's behaviour, exiting 1 on the first failure, and prints runs per second with two runner nodes, then one.
 */
public final class ClusterBench {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final String SLEEPER = "import time\nprint('going', flush=True)\ntime.sleep(20)\n";

    private final String lb = System.getenv("BENCH_LB");
    private final String web1 = System.getenv("BENCH_WEB1");
    private final String web2 = System.getenv("BENCH_WEB2");
    private final List<String[]> runners = new ArrayList<>();
    private final int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "8"));
    private final Duration measure =
            Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_SECONDS", "15")));

    private ClusterBench() {
        for (String runner : System.getenv("BENCH_RUNNERS").split(",")) {
            runners.add(runner.split("@"));
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            new ClusterBench().run();
        } catch (AssertionError failed) {
            System.out.println("FAILED: " + failed.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        for (String web : List.of(web1, web2)) {
            JsonNode result = postRun(web, "import os\nprint('hello from', os.getpid())");
            check("ok".equals(result.path("status").asText()), "a run through " + web + ": " + result);
            System.out.printf(
                    "run through web node %s: %s%n", web, result.path("status").asText());
        }
        try (RunClient client = RunClient.connect(ws(lb), null)) {
            Transcript t = client.runToExit("print(sum(range(10)))");
            check("ok".equals(t.status()) && t.stdout().equals("45\n"), "a WebSocket run through nginx: " + t);
            System.out.println("run over the WebSocket through nginx: ok");
        }
        continueOnTheOtherNode();
        awaitNodes(2);
        double two = throughput();
        System.out.printf("runs per second, 2 runner nodes: %.1f%n", two);
        killMidRun();
        awaitNodes(1);
        double one = throughput();
        System.out.printf("runs per second, 1 runner node:  %.1f%n", one);
        System.out.printf(
                "RESULT: %.1f runs/s with two runner nodes, %.1f with one (%d clients, %d s each, trivial runs)%n",
                two, one, clients, measure.toSeconds());
    }

    private void continueOnTheOtherNode() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        browser.send(
                HttpRequest.newBuilder(URI.create(web1 + "/signup")).build(), HttpResponse.BodyHandlers.ofString());
        String csrf = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("lectern_csrf"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no CSRF cookie from " + web1))
                .getValue();
        String name = "Bench Learner " + ThreadLocalRandom.current().nextInt(1_000_000);
        String email = "bench" + System.nanoTime() + "@example.org";
        String form = Map.of(
                        "displayName", name,
                        "email", email,
                        "password", "Quartz-Lantern-" + System.nanoTime(),
                        "_csrf", csrf)
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> signup = browser.send(
                HttpRequest.newBuilder(URI.create(web1 + "/signup"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        check(signup.statusCode() == 302, "sign-up on web node 1 answered " + signup.statusCode());
        HttpResponse<String> me = browser.send(
                HttpRequest.newBuilder(URI.create(web2 + "/account")).build(), HttpResponse.BodyHandlers.ofString());
        check(
                me.statusCode() == 200 && me.body().contains(email),
                "after signing up on web node 1, /account on web node 2 answered " + me.statusCode());
        System.out.println("signed up on web node 1, still signed in on web node 2: ok");
    }

    private void killMidRun() throws Exception {
        try (RunClient client = RunClient.connect(ws(lb), null)) {
            List<RunClient.Frame> seen = client.start(SLEEPER);
            seen.add(client.awaitType("output", seen));
            String[] busy = runnerWithARun();
            long killedAt = System.nanoTime();
            ProcessHandle.of(Long.parseLong(busy[0]))
                    .orElseThrow(() -> new AssertionError("runner process " + busy[0] + " is gone"))
                    .destroyForcibly();
            Transcript t = client.awaitExit(seen);
            long ms = (System.nanoTime() - killedAt) / 1_000_000;
            check("runner_lost".equals(t.status()), "the run on the killed node ended as " + t.status());
            System.out.printf(
                    "SIGKILLed runner node (pid %s) mid-run: the run ended as %s after %d ms: %s",
                    busy[0], t.status(), ms, t.stderr());
            for (int i = 0; i < 5; i++) {
                Transcript next = client.runToExit("print(" + i + ")");
                check("ok".equals(next.status()), "run " + i + " after the kill ended as " + next.status());
            }
            System.out.println("the next 5 runs after the kill: ok");
        }
    }

    /** The pid and port of the runner node that reports a run going. */
    private String[] runnerWithARun() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (String[] runner : runners) {
                try {
                    JsonNode health = get("http://127.0.0.1:" + runner[1] + "/health");
                    if (health.path("active").asInt() > 0) {
                        return runner;
                    }
                } catch (Exception e) {
                    // a dead node has no run
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no runner node reports the run");
    }

    private void awaitNodes(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode runner = get(lb + "/health").path("runner");
        while (runner.path("nodes").asInt() != count || runner.path("active").asInt() != 0) {
            check(System.nanoTime() < deadline, count + " idle runner nodes in /health; last: " + runner);
            Thread.sleep(100);
            runner = get(lb + "/health").path("runner");
        }
    }

    /** Trivial runs through nginx from several clients at once; returns finished runs per second. */
    private double throughput() throws Exception {
        AtomicLong ok = new AtomicLong();
        Map<String, AtomicLong> others = new ConcurrentHashMap<>();
        long end = System.nanoTime() + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        JsonNode result = postRun(lb, "pass");
                        String status = result.path("status")
                                .asText(result.path("error").asText("?"));
                        if ("ok".equals(status)) {
                            ok.incrementAndGet();
                        } else {
                            others.computeIfAbsent(status, s -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    } catch (Exception e) {
                        others.computeIfAbsent(e.toString(), s -> new AtomicLong())
                                .incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!others.isEmpty()) {
            System.out.println("  not ok: " + others);
        }
        return ok.get() / (double) measure.toSeconds();
    }

    private static JsonNode postRun(String base, String code) throws Exception {
        String body = RunClient.JSON.createObjectNode().put("code", code).toString();
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return RunClient.JSON.readTree(answer.body());
    }

    private static JsonNode get(String url) throws Exception {
        return RunClient.JSON.readTree(HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private static URI ws(String base) {
        return URI.create(base.replaceFirst("^http", "ws") + "/ws/run");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
