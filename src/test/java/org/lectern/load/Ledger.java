package org.lectern.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the simulated learners were told was saved, and what they sent at all, so the database can be checked
 * afterwards: every acknowledged answer and feedback stored exactly once, nothing stored that was never sent.
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

    public int acknowledgedAnswers() {
        return answers.values().stream().mapToInt(t -> t.acknowledged().get()).sum();
    }

    public int acknowledgedFeedback() {
        return feedbackAcknowledged.size();
    }
}
