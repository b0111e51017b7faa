package org.lectern.studio;

import io.javalin.http.BadRequestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.content.QuestionKind;
import org.lectern.studio.QuizForm.LinesStyle;
import org.lectern.studio.QuizForm.Option;
import org.lectern.studio.QuizForm.Question;

/**
 * The names of the quiz form's fields ({@code q0-prompt}, {@code q0-o1-text}, {@code q0-correct} holding the ids of
 * the correct options) and the form read back from a request. The numbers only order the questions and options; what
 * identifies them is their id, sent along in a hidden field.
 */
final class QuizFormFields {
    private static final Pattern QUESTION_ID = Pattern.compile("q([0-9]{1,4})-id");

    private QuizFormFields() {}

    static String question(int index) {
        return "q" + index;
    }

    static String option(String question, int index) {
        return question + "-o" + index;
    }

    /** @throws BadRequestResponse for a kind the form never offers */
    static QuizForm parse(Map<String, List<String>> params) {
        List<Question> questions = new ArrayList<>();
        for (int i : numbers(params, QUESTION_ID)) {
            questions.add(question(params, question(i)));
        }
        return new QuizForm(questions);
    }

    private static Question question(Map<String, List<String>> params, String name) {
        QuestionKind kind = QuestionKind.fromCode(value(params, name + "-kind")).orElseThrow(BadRequestResponse::new);
        List<String> correct = params.getOrDefault(name + "-correct", List.of());
        List<Option> options = new ArrayList<>();
        for (int j : numbers(params, Pattern.compile(Pattern.quote(name) + "-o([0-9]{1,4})-id"))) {
            String field = option(name, j);
            String id = value(params, field + "-id");
            options.add(new Option(
                    id, value(params, field + "-text"), correct.contains(id), value(params, field + "-explanation")));
        }
        return new Question(
                value(params, name + "-id"),
                kind,
                value(params, name + "-prompt"),
                value(params, name + "-code"),
                value(params, name + "-answer"),
                value(params, name + "-lines"),
                "block".equals(value(params, name + "-lines-style")) ? LinesStyle.BLOCK : LinesStyle.LIST,
                value(params, name + "-explanation"),
                value(params, name + "-points"),
                options);
    }

    private static TreeSet<Integer> numbers(Map<String, List<String>> params, Pattern pattern) {
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String key : params.keySet()) {
            Matcher m = pattern.matcher(key);
            if (m.matches()) {
                numbers.add(Integer.parseInt(m.group(1)));
            }
        }
        return numbers;
    }

    /** A field's text with the browser's CRLF line ends back to the file's LF; absent is empty. */
    private static String value(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0).replace("\r\n", "\n");
    }
}
