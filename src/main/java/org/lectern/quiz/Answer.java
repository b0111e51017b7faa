package org.lectern.quiz;

import java.util.List;
import java.util.Set;

/** What a learner gave for one question. */
public sealed interface Answer permits Answer.Choices, Answer.Text, Answer.Order, Answer.GaveUp {

    /** The option keys chosen, for single- and multiple-choice questions. */
    record Choices(Set<String> optionKeys) implements Answer {
        public Choices {
            optionKeys = Set.copyOf(optionKeys);
        }
    }

    /** The output a learner predicts. */
    record Text(String text) implements Answer {}

    /** The lines of a Parsons problem in the order given, indentation included. */
    record Order(List<String> lines) implements Answer {
        public Order {
            lines = List.copyOf(lines);
        }
    }

    /** "Show answer": the learner gave the question up. */
    record GaveUp() implements Answer {}
}
