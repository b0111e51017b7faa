package org.lectern.quiz;

import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.lectern.content.ByContentVersion;
import org.lectern.content.MarkdownRenderer;
import org.lectern.content.MarkdownRenderer.Place;
import org.lectern.quiz.QuizQuestion.ParsonsLine;
import org.lectern.quiz.QuizRepository.StoredOption;
import org.lectern.quiz.QuizRepository.StoredQuestion;

/** Chapter quizzes: the questions a page shows, and answering them, each attempt stored with its number. */
public final class Quiz {
    /** Longer than this between showing and answering is a tab left open, not time spent. */
    static final long MAX_TIME_TAKEN_MS = 24L * 60 * 60 * 1000;

    private static final int ATTEMPT_RETRIES = 5;
    private final QuizRepository questions;
    private final Grader grader = new Grader();
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final Clock clock;

    /** Each chapter's current questions as stored: every chapter view and every answer reads them. */
    private final ByContentVersion<Long, List<StoredQuestion>> chapters;

    /** @param contentVersion changes whenever content changes (the catalog's) */
    public Quiz(DSLContext dsl, Clock clock, LongSupplier contentVersion) {
        this.questions = new QuizRepository(dsl);
        this.clock = clock;
        this.chapters = new ByContentVersion<>(contentVersion);
    }

    public long now() {
        return clock.millis();
    }

    /**
     * The chapter's questions for its page. Parsons lines are shuffled from {@code seed} (a learner's id, 0 for
     * guests), so a reload shows the same order.
     */
    public List<QuizQuestion> forChapter(long chapterId, Place place, String chapterPath, long seed) {
        return chapterQuestions(chapterId).stream()
                .map(q -> view(q, place, chapterPath, shuffled(q, seed)))
                .toList();
    }

    private List<StoredQuestion> chapterQuestions(long chapterId) {
        return chapters.get(chapterId, questions::chapterQuestions);
    }

    /** An answer the page sent, graded and stored as the learner's next attempt, with the question to show again. */
    public Answered answer(
            long userId, long chapterId, long questionId, Submission submission, Place place, String path) {
        StoredQuestion stored = chapterQuestions(chapterId).stream()
                .filter(q -> q.question().id() == questionId)
                .findFirst()
                .orElseThrow(() -> new NotFoundResponse("No such question in this chapter"));
        Answer answer = answer(stored, submission);
        Grade grade = grader.grade(stored.question(), answer);
        Set<Long> chosen = submission.giveUp() ? Set.of() : chosenIds(stored, submission);
        String text = text(stored, submission, answer);
        Attempt attempt = new Attempt(
                userId,
                questionId,
                0,
                chosen.isEmpty() ? null : joinIds(stored, chosen),
                text,
                grade.correct(),
                submission.giveUp(),
                grade.fraction(),
                timeTaken(submission.shownAtMillis()));
        int no = record(attempt);
        List<ParsonsLine> lines = answer instanceof Answer.Order order
                ? levels(order.lines(), indentUnit(stored))
                : shuffled(stored, userId);
        Outcome outcome = new Outcome(grade.correct(), submission.giveUp(), grade.fraction(), no, chosen, text);
        return new Answered(view(stored, place, path, lines), outcome);
    }

    /** A graded question and what the learner did, for the question's fragment. */
    public record Answered(QuizQuestion question, Outcome outcome) {}

    private static Answer answer(StoredQuestion q, Submission s) {
        if (s.giveUp()) {
            return new Answer.GaveUp();
        }
        return switch (q.question().kind()) {
            case SINGLE, MULTIPLE ->
                new Answer.Choices(chosenIds(q, s).stream()
                        .map(id -> q.options().stream()
                                .filter(o -> o.id() == id)
                                .findFirst()
                                .orElseThrow()
                                .key())
                        .collect(Collectors.toSet()));
            case OUTPUT -> new Answer.Text(s.text() == null ? "" : s.text());
            case PARSONS -> new Answer.Order(s.lines());
        };
    }

    /** The option ids chosen; an id the question does not have is a tampered form. */
    private static Set<Long> chosenIds(StoredQuestion q, Submission s) {
        if (!q.question().kind().hasOptions()) {
            return Set.of();
        }
        Map<Long, StoredOption> known =
                q.options().stream().collect(Collectors.toMap(StoredOption::id, Function.identity()));
        Set<Long> chosen = new HashSet<>();
        for (String raw : s.optionIds()) {
            try {
                long id = Long.parseLong(raw.trim());
                if (!known.containsKey(id)) {
                    throw new Grader.InvalidAnswer("this question has no option " + id);
                }
                chosen.add(id);
            } catch (NumberFormatException e) {
                throw new Grader.InvalidAnswer("an option is a number, not '" + raw + "'");
            }
        }
        return chosen;
    }

    private static String joinIds(StoredQuestion q, Set<Long> chosen) {
        return q.options().stream()
                .map(StoredOption::id)
                .filter(chosen::contains)
                .map(String::valueOf)
                .collect(Collectors.joining(","));
    }

    private static String text(StoredQuestion q, Submission s, Answer answer) {
        if (answer instanceof Answer.Text t) {
            return t.text();
        }
        if (answer instanceof Answer.Order o) {
            return String.join("\n", o.lines());
        }
        return null;
    }

    private Long timeTaken(Long shownAt) {
        if (shownAt == null) {
            return null;
        }
        return Math.max(0, Math.min(MAX_TIME_TAKEN_MS, clock.millis() - shownAt));
    }

    /**
     * Numbers the attempt inside a transaction; when another request (a double click, a second tab) took the same
     * number first, the unique constraint refuses this one and it retries with the next, so both are recorded.
     */
    private int record(Attempt attempt) {
        for (int tries = 1; ; tries++) {
            try {
                return questions.dsl().transactionResult(c -> {
                    DSLContext tx = c.dsl();
                    int no = QuizRepository.nextAttemptNo(tx, attempt.userId(), attempt.questionId());
                    QuizRepository.insert(tx, attempt.numbered(no));
                    return no;
                });
            } catch (DataAccessException e) {
                if (tries >= ATTEMPT_RETRIES || !"23505".equals(e.sqlState())) {
                    throw e;
                }
            }
        }
    }

    private QuizQuestion view(StoredQuestion q, Place place, String chapterPath, List<ParsonsLine> lines) {
        Question question = q.question();
        return new QuizQuestion(
                question.id(),
                question.kind().code(),
                chapterPath + "/questions/" + question.id(),
                markdown.renderFragment(q.promptMd(), place),
                q.code(),
                q.explanationMd().isBlank() ? "" : markdown.renderFragment(q.explanationMd(), place),
                q.options().stream()
                        .map(o -> new QuizQuestion.OptionView(
                                o.id(),
                                markdown.renderFragment(o.bodyMd(), place),
                                o.correct(),
                                o.explanationMd().isBlank() ? "" : markdown.renderFragment(o.explanationMd(), place)))
                        .toList(),
                lines,
                " ".repeat(indentUnit(q)),
                question.kind().code().equals("output") ? question.answer() : null,
                question.kind().code().equals("parsons") ? Grader.lines(question.answer()) : List.of());
    }

    private static List<ParsonsLine> shuffled(StoredQuestion q, long seed) {
        if (!q.question().kind().code().equals("parsons") || q.question().answer() == null) {
            return List.of();
        }
        List<String> correct = Grader.lines(q.question().answer());
        List<String> lines = new ArrayList<>(correct.stream().map(String::strip).toList());
        Collections.shuffle(lines, new Random(seed * 1_000_003L + q.question().id()));
        if (lines.size() > 1 && lines.equals(correct.stream().map(String::strip).toList())) {
            Collections.rotate(lines, 1); // never hand out the solution
        }
        return lines.stream().map(l -> new ParsonsLine(l, 0)).toList();
    }

    private static List<ParsonsLine> levels(List<String> given, int unit) {
        return given.stream()
                .map(l -> new ParsonsLine(
                        l.strip(), (l.length() - l.stripLeading().length()) / unit))
                .toList();
    }

    /** The program's indentation step: its smallest indentation, 4 when it has none. */
    private static int indentUnit(StoredQuestion q) {
        if (q.question().answer() == null) {
            return 4;
        }
        return Grader.lines(q.question().answer()).stream()
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .filter(n -> n > 0)
                .min()
                .orElse(4);
    }
}
