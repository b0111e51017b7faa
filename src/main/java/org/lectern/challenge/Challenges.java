package org.lectern.challenge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;
import org.lectern.content.ByContentVersion;
import org.lectern.content.ChapterAt;
import org.lectern.content.CourseOutline;
import org.lectern.content.CourseSource;
import org.lectern.content.MarkdownRenderer;
import org.lectern.runner.ProgramRuns;
import org.lectern.runner.RunCaller;
import org.lectern.runner.RunEvent;

/**
 * Code challenges: what a chapter page shows of them, checking a learner's code against the hidden tests in the
 * sandbox, storing every check as a numbered submission, and the reference solution once it may be shown.
 */
public final class Challenges {
    /** Failed checks after which a learner who has not passed may ask for the solution. */
    public static final int FAILED_CHECKS_BEFORE_SOLUTION = 3;

    private final ChallengeRepository challenges;
    private final ProgramRuns programs;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final String harness = harnessSource();

    /** Each chapter's current challenges as stored: every chapter view reads them. */
    private final ByContentVersion<Long, List<StoredChallenge>> chapters;

    /** @param contentVersion changes whenever content changes (the catalog's) */
    public Challenges(DSLContext dsl, ProgramRuns programs, LongSupplier contentVersion) {
        this.challenges = new ChallengeRepository(dsl);
        this.programs = programs;
        this.chapters = new ByContentVersion<>(contentVersion);
    }

    /** The chapter's challenges for its page; for guests ({@code userId} null) the same for everyone. */
    public List<ChallengeView> forChapter(ChapterAt chapter, Long userId) {
        List<StoredChallenge> stored = chapters.get(chapter.chapterId(), challenges::chapterChallenges);
        if (stored.isEmpty()) {
            return List.of();
        }
        List<Long> ids = stored.stream().map(StoredChallenge::id).toList();
        Map<Long, ChallengeRepository.Standing> standings =
                userId == null ? Map.of() : challenges.standings(userId, ids);
        Map<Long, String> latest = userId == null ? Map.of() : challenges.latestCode(userId, ids);
        return stored.stream()
                .map(c -> view(
                        c,
                        chapter.place(),
                        standings.getOrDefault(c.id(), ChallengeRepository.Standing.NONE),
                        latest.get(c.id())))
                .toList();
    }

    /** The course's current challenges per chapter id, for the course page. */
    public Map<Long, Integer> countsByChapter(CourseOutline course) {
        List<Long> ids = course.chapters().stream().map(l -> l.chapter().id()).toList();
        return ids.isEmpty() ? Map.of() : challenges.countsByChapter(ids);
    }

    private ChallengeView view(
            StoredChallenge c, MarkdownRenderer.Place place, ChallengeRepository.Standing s, String latest) {
        boolean showSolution = s.passed() || s.solutionViewed();
        return new ChallengeView(
                c.id(),
                c.key(),
                c.title(),
                markdown.renderFragment(c.statementMd(), place),
                c.starterCode(),
                latest == null ? c.starterCode() : latest,
                c.maxWallMs(),
                c.repeatRuns(),
                c.minProcesses(),
                s.submissions(),
                s.passed(),
                s.failedChecks(),
                mayAskSolution(s),
                showSolution ? c.solutionCode() : null);
    }

    private static boolean mayAskSolution(ChallengeRepository.Standing s) {
        return !s.passed() && s.failedChecks() >= FAILED_CHECKS_BEFORE_SOLUTION;
    }

    /** The challenge, if it is a current one of this chapter; else 404. */
    StoredChallenge find(long chapterId, long challengeId) {
        return challenges
                .challenge(challengeId)
                .filter(c -> c.chapterId() == chapterId)
                .orElseThrow(() -> new CheckRefused(404, "challenge.error.unknown"));
    }

    /** A check of the learner's code, ready to start; too long a program is refused before anything runs. */
    Check check(long userId, ChapterAt chapter, long challengeId, String code, Check.Listener listener) {
        StoredChallenge challenge = find(chapter.chapterId(), challengeId);
        int limit = programs.maxCodeBytes();
        if (code.getBytes(StandardCharsets.UTF_8).length > limit) {
            throw new CheckRefused(413, "challenge.error.tooLong", limit / 1024);
        }
        ProgramRuns.Origin origin = new ProgramRuns.Origin(
                chapter.course().slug(), chapter.at().chapter().slug(), null);
        return new Check(programs, json, random, harness, RunCaller.learner(userId), challenge, code, origin, listener);
    }

    /**
     * An author's Verify: checks the reference solution (it must pass) and then the starter (it must fail) exactly as
     * a learner's code is checked, in the sandbox, under the author's run quota. Nothing is stored, and the runs name
     * no course, so learners' run figures stay theirs. Blocks until both checks end.
     */
    public Verification verify(long authorId, CourseSource.ChallengeSource source) {
        return verify(RunCaller.learner(authorId), source);
    }

    /** A Verify on behalf of any caller, under that caller's run quota: the command line's import verifies too. */
    public Verification verify(RunCaller caller, CourseSource.ChallengeSource source) {
        StoredChallenge challenge = new StoredChallenge(
                0,
                0,
                source.key(),
                source.position(),
                source.title(),
                source.statementMd(),
                source.starterCode(),
                source.testCode(),
                source.solutionCode(),
                source.maxWallMs(),
                source.repeatRuns(),
                source.minProcesses());
        try {
            Verification.Run solution = verifyRun(caller, challenge, source.solutionCode());
            Verification.Run starter = verifyRun(caller, challenge, source.starterCode());
            return new Verification(solution, starter, null);
        } catch (ProgramRuns.Refused refused) {
            return Verification.refused(refused.getMessage());
        }
    }

    private Verification.Run verifyRun(RunCaller caller, StoredChallenge challenge, String code)
            throws ProgramRuns.Refused {
        StringBuilder output = new StringBuilder();
        Check check = new Check(
                programs,
                json,
                random,
                harness,
                caller,
                challenge,
                code,
                new ProgramRuns.Origin(null, null, null),
                new Check.Listener() {
                    @Override
                    public void repetition(int run, int of) {}

                    @Override
                    public void event(RunEvent event) {
                        if (event instanceof RunEvent.Output o) {
                            synchronized (output) {
                                if (output.length() < MAX_VERIFY_OUTPUT) {
                                    output.append(o.data());
                                }
                            }
                        }
                    }
                });
        CheckResult result;
        try {
            result = check.start().join();
        } catch (java.util.concurrent.CompletionException ended) {
            // A later run of a repeated check refused (the quota, the queue): as if the first had been.
            if (ended.getCause() instanceof ProgramRuns.Refused refused) {
                throw refused;
            }
            throw ended;
        }
        synchronized (output) {
            String text =
                    output.length() > MAX_VERIFY_OUTPUT ? output.substring(0, MAX_VERIFY_OUTPUT) : output.toString();
            return Verification.Run.of(result, text);
        }
    }

    /** How much of a verified program's output the author sees. */
    private static final int MAX_VERIFY_OUTPUT = 16 * 1024;

    /** Stores a finished check as the learner's next submission. */
    Submitted store(long userId, long challengeId, String code, CheckResult result) {
        int no = challenges.record(
                new ChallengeRepository.NewSubmission(challengeId, userId, code, result, resultsJson(result)));
        ChallengeRepository.Standing standing = challenges
                .standings(userId, List.of(challengeId))
                .getOrDefault(challengeId, ChallengeRepository.Standing.NONE);
        String solution = standing.passed() || standing.solutionViewed()
                ? challenges
                        .challenge(challengeId)
                        .map(StoredChallenge::solutionCode)
                        .orElse(null)
                : null;
        return new Submitted(no, standing.failedChecks(), mayAskSolution(standing), solution);
    }

    /** What the page learns after a check is stored. */
    record Submitted(int attemptNo, int failedChecks, boolean mayAskSolution, String solution) {}

    /**
     * The learner asks for the solution: allowed once they passed, or after enough failed checks; remembered so the
     * page keeps showing it. Otherwise 409: the learner may, just not yet.
     */
    public void showSolution(long userId, ChapterAt chapter, long challengeId) {
        StoredChallenge challenge = find(chapter.chapterId(), challengeId);
        ChallengeRepository.Standing s = challenges
                .standings(userId, List.of(challenge.id()))
                .getOrDefault(challenge.id(), ChallengeRepository.Standing.NONE);
        if (!s.passed() && !mayAskSolution(s)) {
            throw new CheckRefused(409, "challenge.error.solutionLocked", FAILED_CHECKS_BEFORE_SOLUTION);
        }
        challenges.solutionViewed(userId, challenge.id());
    }

    ObjectMapper json() {
        return json;
    }

    ProgramRuns programs() {
        return programs;
    }

    /** Per-test outcomes and demand verdicts, as stored in {@code challenge_submission.results_json}. */
    String resultsJson(CheckResult result) {
        try {
            return json.writeValueAsString(new StoredResults(result.tests(), result.demands()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records always serialise", e);
        }
    }

    /** The shape of {@code results_json}. */
    record StoredResults(List<TestOutcome> tests, List<Demand> demands) {}

    private static String harnessSource() {
        try (InputStream in = Challenges.class.getResourceAsStream("/runner/check.py")) {
            if (in == null) {
                throw new IllegalStateException("runner/check.py is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
