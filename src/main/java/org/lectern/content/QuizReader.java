package org.lectern.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lectern.content.CourseSource.OptionSource;
import org.lectern.content.CourseSource.QuestionSource;

/** Reads and checks a chapter's {@code NN-slug.quiz.yaml}. */
final class QuizReader {
    private static final Set<String> QUIZ_FIELDS = Set.of("questions");
    private static final Set<String> QUESTION_FIELDS =
            Set.of("id", "kind", "prompt", "options", "code", "answer", "lines", "explanation", "points");
    private static final Set<String> OPTION_FIELDS = Set.of("id", "text", "correct", "explanation");

    List<QuestionSource> read(Path file, String text) {
        YamlFields quiz = YamlFields.parse(file, text, 0).allowOnly(QUIZ_FIELDS);
        List<QuestionSource> questions = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int position = 0;
        for (YamlFields q : quiz.list("questions")) {
            QuestionSource question = question(q.allowOnly(QUESTION_FIELDS), ++position);
            if (!keys.add(question.key())) {
                throw q.error("id", "two questions share the id '" + question.key() + "'");
            }
            questions.add(question);
        }
        if (questions.isEmpty()) {
            throw quiz.error("a quiz needs at least one question under 'questions:'");
        }
        return List.copyOf(questions);
    }

    private QuestionSource question(YamlFields q, int position) {
        String key = slug(q, "id");
        String kindName = q.requiredString("kind");
        QuestionKind kind = QuestionKind.fromCode(kindName)
                .orElseThrow(
                        () -> q.error("kind", "unknown kind '" + kindName + "' (single, multiple, output or parsons)"));
        List<OptionSource> options = options(q, kind);
        String code = q.string("code", null);
        String answer = null;
        switch (kind) {
            case SINGLE ->
                requireCorrect(
                        q,
                        options,
                        options.stream().filter(OptionSource::correct).count() == 1,
                        "a single-choice question needs exactly one correct option");
            case MULTIPLE ->
                requireCorrect(
                        q,
                        options,
                        options.stream().anyMatch(OptionSource::correct),
                        "a multiple-choice question needs at least one correct option");
            case OUTPUT -> {
                if (code == null || code.isBlank()) {
                    throw q.error("an output question needs the program under 'code'");
                }
                answer = q.string("answer", null);
            }
            case PARSONS -> {
                answer = q.textOrLines("lines");
                if (answer == null || answer.isBlank()) {
                    throw q.error("lines", "a Parsons problem needs its program under 'lines'");
                }
                answer = answer.stripTrailing();
                if (answer.lines().filter(l -> !l.isBlank()).count() < 3) {
                    throw q.error("lines", "a Parsons problem needs at least 3 lines");
                }
            }
        }
        int points = q.integer("points", 1);
        if (points < 1 || points > 100) {
            throw q.error("points", "points must be between 1 and 100");
        }
        return new QuestionSource(
                key,
                position,
                kind,
                q.requiredString("prompt"),
                code,
                answer,
                q.string("explanation", ""),
                points,
                options);
    }

    private List<OptionSource> options(YamlFields q, QuestionKind kind) {
        List<YamlFields> items = q.list("options");
        if (!kind.hasOptions()) {
            if (!items.isEmpty()) {
                throw q.error("options", "a " + kind.code() + " question has no options");
            }
            return List.of();
        }
        if (items.size() < 2) {
            throw q.error("a " + kind.code() + " question needs at least two options");
        }
        List<OptionSource> options = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int position = 0;
        for (YamlFields o : items) {
            o.allowOnly(OPTION_FIELDS);
            String key = slug(o, "id");
            if (!keys.add(key)) {
                throw o.error("id", "two options share the id '" + key + "'");
            }
            options.add(new OptionSource(
                    key,
                    ++position,
                    o.requiredString("text"),
                    o.bool("correct", false),
                    o.requiredString("explanation")));
        }
        return List.copyOf(options);
    }

    private static void requireCorrect(YamlFields q, List<OptionSource> options, boolean ok, String problem) {
        if (!ok) {
            throw q.error(
                    "options",
                    problem + " (found "
                            + options.stream().filter(OptionSource::correct).count() + ")");
        }
    }

    private static String slug(YamlFields f, String field) {
        String value = f.requiredString(field);
        if (!CourseFolderReader.SLUG.matcher(value).matches()) {
            throw f.error(field, "'" + value + "' is not a valid id (a-z, 0-9, dashes)");
        }
        return value;
    }
}
