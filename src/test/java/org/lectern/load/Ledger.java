package org.lectern.load;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the simulated learners were told was saved, and what they sent at all, so the database can be checked
 * afterwards: every acknowledged answer, feedback and check stored exactly once, nothing stored that was never sent.
 */
public final class Ledger {
    /** Answers per learner and question: sent, and acknowledged with a 200. */
    record Tally(AtomicInteger sent, AtomicInteger acknowledged) {
        Tally() {
            this(new AtomicInteger(), new AtomicInteger());
        }
    }

    /** Keyed by "email question-id". */
    final Map<String, Tally> answers = new ConcurrentHashMap<>();
    /** Keyed by "email chapter-path": the chapters a learner was told their feedback was saved for. */
    final Map<String, Boolean> feedbackAcknowledged = new ConcurrentHashMap<>();
    /** Same key: every chapter a learner sent feedback for, acknowledged or not. */
    final Map<String, Boolean> feedbackSent = new ConcurrentHashMap<>();

    /**
     * A learner's checks of one challenge: how many were sent, and the verdict of each the server acknowledged as
     * stored, by the attempt number it gave.
     */
    record Checks(AtomicInteger sent, Queue<Verdict> acknowledged) {
        Checks() {
            this(new AtomicInteger(), new ConcurrentLinkedQueue<>());
        }
    }

    record Verdict(int attemptNo, boolean passed) {}

    /** Keyed by "email challenge-id". */
    final Map<String, Checks> checks = new ConcurrentHashMap<>();

    void answerSent(String email, long questionId) {
        answers.computeIfAbsent(email + " " + questionId, k -> new Tally())
                .sent()
                .incrementAndGet();
    }

    void answerAcknowledged(String email, long questionId) {
        answers.get(email + " " + questionId).acknowledged().incrementAndGet();
    }

    void feedbackSent(String email, String chapterPath) {
        feedbackSent.put(email + " " + chapterPath, true);
    }

    void feedbackAcknowledged(String email, String chapterPath) {
        feedbackAcknowledged.put(email + " " + chapterPath, true);
    }

    void checkSent(String email, long challengeId) {
        checks.computeIfAbsent(email + " " + challengeId, k -> new Checks())
                .sent()
                .incrementAndGet();
    }

    /** The server's verdict frame: the check is stored as this attempt, passed or not. */
    void checkAcknowledged(String email, long challengeId, int attemptNo, boolean passed) {
        checks.get(email + " " + challengeId).acknowledged().add(new Verdict(attemptNo, passed));
    }

    public int acknowledgedChecks() {
        return checks.values().stream().mapToInt(c -> c.acknowledged().size()).sum();
    }

    public int acknowledgedAnswers() {
        return answers.values().stream().mapToInt(t -> t.acknowledged().get()).sum();
    }

    public int acknowledgedFeedback() {
        return feedbackAcknowledged.size();
    }
}
