package org.lectern.studio;

import java.util.List;

/** A publish that would change the answer key of questions learners answered: the author decides on regrading. */
final class RegradeDecision extends RuntimeException {
    private final transient List<AnswerChanges.Changed> questions;

    RegradeDecision(List<AnswerChanges.Changed> questions) {
        super(questions.size() + " question(s) with attempts change their answer");
        this.questions = List.copyOf(questions);
    }

    List<AnswerChanges.Changed> questions() {
        return questions;
    }
}
