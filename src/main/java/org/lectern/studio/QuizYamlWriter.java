package org.lectern.studio;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.studio.QuizForm.LinesStyle;
import org.lectern.studio.QuizForm.Option;
import org.lectern.studio.QuizForm.Question;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes the form's quiz as a quiz file in the layout of the shipped courses (see {@link QuizYaml#write}). One
 * writer serves one file: SnakeYAML's emitter is built once and asked about every line of text.
 */
final class QuizYamlWriter {
    private final Yaml yaml = yaml();

    String quiz(QuizForm form) {
        List<Node> questions = new ArrayList<>();
        for (Question q : form.questions()) {
            questions.add(question(q));
        }
        StringWriter out = new StringWriter();
        yaml.serialize(mapping(Map.of("questions", sequence(questions))), out);
        return out.toString();
    }

    private Node question(Question q) {
        Map<String, Node> fields = new LinkedHashMap<>();
        fields.put("id", text(q.id()));
        fields.put("kind", text(q.kindCode()));
        putText(fields, "prompt", q.prompt());
        putText(fields, "code", q.code());
        if (q.uses("answer")) {
            putText(fields, "answer", q.answer());
        }
        if (q.uses("options")) {
            fields.put(
                    "options", sequence(q.options().stream().map(this::option).toList()));
        }
        if (q.uses("lines") && !q.lines().isEmpty()) {
            fields.put("lines", q.linesStyle() == LinesStyle.BLOCK ? text(q.lines()) : lineList(q.lines()));
        }
        putText(fields, "explanation", q.explanation());
        if (!q.points().isBlank()) {
            String points = q.points().trim();
            fields.put(
                    "points",
                    points.matches("[0-9]+")
                            ? new ScalarNode(Tag.INT, points, null, null, ScalarStyle.PLAIN)
                            : text(points));
        }
        return mapping(fields);
    }

    private Node option(Option o) {
        Map<String, Node> fields = new LinkedHashMap<>();
        fields.put("id", text(o.id()));
        putText(fields, "text", o.text());
        if (o.correct()) {
            fields.put("correct", new ScalarNode(Tag.BOOL, "true", null, null, ScalarStyle.PLAIN));
        }
        putText(fields, "explanation", o.explanation());
        return mapping(fields);
    }

    /** One double-quoted entry per line, as the shipped courses write Parsons lines; trailing empty lines go. */
    private static Node lineList(String lines) {
        List<String> entries = new ArrayList<>(Arrays.asList(lines.split("\n", -1)));
        while (!entries.isEmpty() && entries.get(entries.size() - 1).isEmpty()) {
            entries.remove(entries.size() - 1);
        }
        return sequence(entries.stream()
                .map(line -> (Node) new ScalarNode(Tag.STR, line, null, null, ScalarStyle.DOUBLE_QUOTED))
                .toList());
    }

    private void putText(Map<String, Node> fields, String key, String value) {
        if (!value.isEmpty()) {
            fields.put(key, text(value));
        }
    }

    /**
     * Text with more than one line as a literal block; one line plain when YAML reads it back as the same text,
     * else double-quoted. SnakeYAML would fall back from plain to single quotes, so its emitter is asked first.
     */
    private Node text(String value) {
        ScalarStyle style;
        if (value.contains("\n")) {
            style = ScalarStyle.LITERAL;
        } else {
            style = staysPlain(value) ? ScalarStyle.PLAIN : ScalarStyle.DOUBLE_QUOTED;
        }
        return new ScalarNode(Tag.STR, value, null, null, style);
    }

    private boolean staysPlain(String value) {
        StringWriter out = new StringWriter();
        yaml.serialize(new ScalarNode(Tag.STR, value, null, null, ScalarStyle.PLAIN), out);
        char first = out.toString().charAt(0);
        return first != '\'' && first != '"';
    }

    private static MappingNode mapping(Map<String, Node> fields) {
        List<NodeTuple> tuples = new ArrayList<>();
        fields.forEach((key, value) ->
                tuples.add(new NodeTuple(new ScalarNode(Tag.STR, key, null, null, ScalarStyle.PLAIN), value)));
        return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.BLOCK);
    }

    private static SequenceNode sequence(List<Node> items) {
        return new SequenceNode(Tag.SEQ, items, DumperOptions.FlowStyle.BLOCK);
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        return new Yaml(options);
    }
}
