package org.lectern.ask;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.lectern.accounts.Role;
import org.lectern.content.Catalog;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * The assistant's benchmark, started by bench/ask: a real server with the shipped course, and a fake language model
 * on loopback that streams at once. It prints how long the index takes to rebuild, how long one search takes, and,
 * over HTTP, the time to the passages and to the first token of a written answer.
 */
final class AskBench {
    private static final int REBUILDS = 10;
    private static final int SEARCHES = 2_000;
    private static final int ASKS = 200;
    private static final List<String> QUESTIONS = List.of(
            "What is the GIL?",
            "Why is CPU-bound code not faster with threads?",
            "How do I fix a race condition with a lock?",
            "What is the difference between fork and spawn?",
            "Which chunksize should I give Pool.map?",
            "Wat is het verschil tussen een draad en een proces?",
            "Hoe werkt een wachtrij tussen producent en consument?",
            "When should I use asyncio instead of threads?");

    private AskBench() {}

    public static void main(String[] args) throws Exception {
        try (FakeLlm llm = FakeLlm.start();
                TestServer server = TestServer.start(
                        Path.of("content"),
                        Map.of(
                                "LECTERN_LLM_URL", llm.url(),
                                "LECTERN_LLM_MODEL", "bench",
                                "LECTERN_ASK_PER_MINUTE", "1000000",
                                "LECTERN_LLM_DAILY_TOKENS", "1000000000"))) {
            System.out.printf(
                    "Lectern Ask benchmark: %d cores, load average %.2f%n%n",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            index(server);
            http(server);
        }
    }

    private static void index(TestServer server) {
        var module = server.app();
        List<Double> rebuilds = new ArrayList<>();
        CourseIndex index = new CourseIndex(new PassageRepository(
                module.database().dsl(), new Catalog(module.database().dsl()))::all);
        index.rebuild(); // warm-up: class loading and JIT
        for (int i = 0; i < REBUILDS; i++) {
            long started = System.nanoTime();
            index.rebuild();
            rebuilds.add((System.nanoTime() - started) / 1e6);
        }
        System.out.printf(
                "index: %d passages; rebuild median %.1f ms, max %.1f ms (%d rebuilds)%n",
                index.size(), percentile(rebuilds, 50), percentile(rebuilds, 100), REBUILDS);
        List<Double> searches = new ArrayList<>();
        for (int i = 0; i < SEARCHES; i++) {
            long started = System.nanoTime();
            index.search(QUESTIONS.get(i % QUESTIONS.size()), new CourseIndex.Scope(true, 4L), 5);
            searches.add((System.nanoTime() - started) / 1e6);
        }
        System.out.printf(
                "search (5 passages, highlighted): median %.2f ms, p95 %.2f ms, p99 %.2f ms (%d searches)%n",
                percentile(searches, 50), percentile(searches, 95), percentile(searches, 99), SEARCHES);
    }

    private static void http(TestServer server) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Double> passages = timesTo(http, server, null, 1);
        System.out.printf(
                "POST /api/ask as a guest, to the passages event: median %.1f ms, p95 %.1f ms (%d questions)%n",
                percentile(passages, 50), percentile(passages, 95), ASKS);
        String email = "bench@example.org";
        server.app().accounts().createUser(email, "Bench", "a long and unusual passphrase", Role.LEARNER);
        String session = new Visitor(server)
                .logIn(email, "a long and unusual passphrase")
                .cookie("lectern_session");
        List<Double> firstToken = timesTo(http, server, session, 2);
        System.out.printf(
                "POST /api/ask as a learner, to the first token from an instant model: median %.1f ms, p95 %.1f ms"
                        + " (%d questions)%n",
                percentile(firstToken, 50), percentile(firstToken, 95), ASKS);
    }

    /** Milliseconds from posting a question until its {@code events}-th event arrived, for each of ASKS questions. */
    private static List<Double> timesTo(HttpClient http, TestServer server, String session, int events) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < ASKS; i++) {
            long started = System.nanoTime();
            String question = AskEvents.question(
                    "/courses/python-concurrency/introduction/the-gil", QUESTIONS.get(i % QUESTIONS.size()));
            try (AskEvents answer = AskEvents.post(http, server.url("/api/ask"), question, session)) {
                for (int e = 0; e < events; e++) {
                    answer.next();
                }
                times.add((System.nanoTime() - started) / 1e6);
                answer.rest();
            }
        }
        return times;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
