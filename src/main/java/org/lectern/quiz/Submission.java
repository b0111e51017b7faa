package org.lectern.quiz;

import java.util.List;

/** A question's form as sent: option ids, a text or Parsons lines, or "show answer". */
public record Submission(List<String> optionIds, String text, List<String> lines, boolean giveUp, Long shownAtMillis) {
    public Submission {
        optionIds = List.copyOf(optionIds);
        lines = List.copyOf(lines);
    }
}
