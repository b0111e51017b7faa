package org.lectern.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** N simulated learners against a running server: accounts made first, then all of them at once until a deadline. */
public final class LoadRun {
    private static final Pattern COURSE_LINK = Pattern.compile("href=\"(/courses/[^/\"#?]+)\"");
    private static final Pattern CHAPTER_LINK = Pattern.compile("href=\"(/courses/[^/\"#?]+/[^/\"#?]+/[^/\"#?]+)\"");

    private final Figures figures = new Figures();
    private final Ledger ledger = new Ledger();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final List<Learner> learners = new ArrayList<>();

    private LoadRun() {}

    /**
     * Finds the chapters from the catalog and the challenges' code in the content folder the server imported, and
     * signs the learners up, a few at a time, outside the measured time.
     */
    public static LoadRun prepare(String base, Path content, int count, long thinkMillis, RunMix runs) {
        LoadRun run = new LoadRun();
        List<String> chapters = run.chapters(base);
        if (chapters.isEmpty()) {
            throw new IllegalStateException("No chapters found at " + base);
        }
        CourseChallenges challenges = CourseChallenges.read(content);
        for (int i = 0; i < count; i++) {
            run.learners.add(new Learner(
                    run.http,
                    base,
                    Learner.email(i),
                    chapters,
                    challenges,
                    run.figures,
                    run.ledger,
                    i,
                    thinkMillis,
                    runs));
        }
        ExecutorService signups = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Boolean>> done = new ArrayList<>();
        run.learners.forEach(learner -> done.add(signups.submit(learner::signUp)));
        signups.shutdown();
        for (var future : done) {
            try {
                if (!future.get()) {
                    throw new IllegalStateException("A learner could not sign up: is the server well?");
                }
            } catch (Exception e) {
                throw new IllegalStateException("Signing the learners up failed", e);
            }
        }
        return run;
    }

    private List<String> chapters(String base) {
        Set<String> chapters = new LinkedHashSet<>();
        for (String course : links(base, "/", COURSE_LINK)) {
            chapters.addAll(links(base, course, CHAPTER_LINK).stream()
                    .filter(path -> !path.contains("/assets/"))
                    .toList());
        }
        return List.copyOf(chapters);
    }

    private List<String> links(String base, String path, Pattern link) {
        try {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            return link.matcher(page.body()).results().map(m -> m.group(1)).toList();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + base + path, e);
        }
    }

    /**
     * The learners arrive one by one, evenly spread over the ramp (a class does not press "Log in" in the same
     * millisecond), then act until the duration is over; returns when all have stopped.
     */
    public void run(Duration duration, Duration ramp) {
        long now = System.nanoTime();
        long deadline = now + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < learners.size(); i++) {
            Learner learner = learners.get(i);
            long start = now + ramp.toNanos() * i / learners.size();
            Thread thread = new Thread(() -> learner.act(start, deadline), "learner");
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                // a learner may be waiting on a request or a run when the time is up
                thread.join(duration.toMillis() + TimeUnit.SECONDS.toMillis(90));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public Figures figures() {
        return figures;
    }

    public Ledger ledger() {
        return ledger;
    }
}
