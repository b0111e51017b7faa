package org.lectern.studio;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lectern.content.QuestionKind;
import org.lectern.studio.QuizForm.LinesStyle;
import org.lectern.studio.QuizForm.Option;
import org.lectern.studio.QuizForm.Question;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A quiz file and the form, both ways. Writing follows the layout of the shipped courses' quiz files (fields in the
 * order of {@code content/README.md}, two-space indents, multi-line text as literal blocks, plain scalars where
 * YAML allows them and double quotes where it does not, {@code correct: true} only on correct options), so an
 * unchanged quiz in that layout is written back byte for byte.
 */
final class QuizYaml {
    private static final Set<String> QUESTION_FIELDS =
            Set.of("id", "kind", "prompt", "options", "code", "answer", "lines", "explanation", "points");
    private static final Set<String> OPTION_FIELDS = Set.of("id", "text", "correct", "explanation");

    private QuizYaml() {}

    /** The file does not have the shape of a quiz: the form cannot show it without losing part of it. */
    static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads a quiz file into the form. Missing fields read as empty and counts are not checked (the form's rules
     * say what is wrong beside each field); what the form could not hold, such as an unknown field, a kind that
     * does not exist or a list where text belongs, makes it {@link Unreadable}.
     */
    static QuizForm read(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(4 * 1024 * 1024);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new Unreadable();
        }
        if (root == null) {
            return new QuizForm(List.of());
        }
        Map<String, Node> quiz = fields(root, Set.of("questions"));
        List<Question> questions = new ArrayList<>();
        for (Node q : list(quiz.get("questions"))) {
            questions.add(question(fields(q, QUESTION_FIELDS)));
        }
        return new QuizForm(questions);
    }

    private static Question question(Map<String, Node> q) {
        QuestionKind kind = QuestionKind.fromCode(scalar(q.get("kind"))).orElseThrow(Unreadable::new);
        List<Option> options = new ArrayList<>();
        for (Node o : list(q.get("options"))) {
            Map<String, Node> option = fields(o, OPTION_FIELDS);
            options.add(new Option(
                    scalar(option.get("id")),
                    scalar(option.get("text")),
                    correct(scalar(option.get("correct"))),
                    scalar(option.get("explanation"))));
        }
        Node lines = q.get("lines");
        LinesStyle style = lines instanceof ScalarNode ? LinesStyle.BLOCK : LinesStyle.LIST;
        String program = lines instanceof SequenceNode sequence
                ? String.join(
                        "\n", sequence.getValue().stream().map(QuizYaml::scalar).toList())
                : scalar(lines);
        return new Question(
                scalar(q.get("id")),
                kind,
                scalar(q.get("prompt")),
                scalar(q.get("code")),
                scalar(q.get("answer")),
                program,
                style,
                scalar(q.get("explanation")),
                scalar(q.get("points")),
                options);
    }

    private static Map<String, Node> fields(Node node, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw new Unreadable();
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (!allowed.contains(key)) {
                throw new Unreadable();
            }
            fields.put(key, tuple.getValueNode());
        }
        return fields;
    }

    private static List<Node> list(Node node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw new Unreadable();
        }
        return sequence.getValue();
    }

    private static String scalar(Node node) {
        if (node == null) {
            return "";
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw new Unreadable();
        }
        return scalar.getValue();
    }

    private static boolean correct(String value) {
        return switch (value.trim()) {
            case "true", "yes" -> true;
            case "false", "no", "" -> false;
            default -> throw new Unreadable();
        };
    }

    /** The quiz file for the form: each question with its own kind's fields only, empty optional fields left out. */
    static String write(QuizForm form) {
        return new QuizYamlWriter().quiz(form);
    }
}
