package org.lectern.content;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping read through SnakeYAML's node tree, which keeps line numbers, so every problem in a content
 * file can be reported at its line. Composing nodes never constructs objects, so untrusted YAML is safe to read.
 */
final class YamlFields {
    private final Path file;
    private final int lineOffset;
    private final MappingNode node;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Node> keyNodes = new LinkedHashMap<>();

    private YamlFields(Path file, int lineOffset, MappingNode node) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.node = node;
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) {
                throw new ContentException(file, lineOf(tuple.getKeyNode()), "keys must be plain words");
            }
            keyNodes.put(key, tuple.getKeyNode());
            if (values.put(key, tuple.getValueNode()) != null) {
                throw new ContentException(file, lineOf(tuple.getKeyNode()), "'" + key + "' is given twice");
            }
        }
    }

    /** Parses a whole document that must be a mapping; an empty document is an empty mapping. */
    static YamlFields parse(Path file, String text, int lineOffset) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by us, with the line
        options.setCodePointLimit(4 * 1024 * 1024);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1 + lineOffset;
            throw new ContentException(file, line, "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ContentException(file, 0, "invalid YAML: " + e.getMessage());
        }
        if (root == null) {
            return new YamlFields(file, lineOffset, new MappingNode(Tag.MAP, List.of(), DumperOptions.FlowStyle.AUTO));
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new ContentException(
                    file, root.getStartMark().getLine() + 1 + lineOffset, "expected key: value pairs");
        }
        return new YamlFields(file, lineOffset, mapping);
    }

    int line() {
        return lineOf(node);
    }

    ContentException error(String problem) {
        return new ContentException(file, line(), problem);
    }

    /** A problem with one field, reported at the line of its key. */
    ContentException error(String key, String problem) {
        Node keyNode = keyNodes.get(key);
        return new ContentException(file, keyNode == null ? line() : lineOf(keyNode), problem);
    }

    /** Rejects keys outside the given set, which catches typos such as 'corect: true'. */
    YamlFields allowOnly(Set<String> keys) {
        for (String key : values.keySet()) {
            if (!keys.contains(key)) {
                throw error(key, "unknown field '" + key + "' (expected one of " + String.join(", ", keys) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String requiredString(String key) {
        String value = string(key, null);
        if (value == null || value.isBlank()) {
            throw error(key, "'" + key + "' is required");
        }
        return value;
    }

    String string(String key, String fallback) {
        Node value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof ScalarNode scalar)) {
            throw error(key, "'" + key + "' must be text");
        }
        return scalar.getValue();
    }

    /** Text written either as one block or as a list of lines, e.g. the lines of a Parsons problem. */
    String textOrLines(String key) {
        Node value = values.get(key);
        if (!(value instanceof SequenceNode sequence)) {
            return string(key, null);
        }
        List<String> lines = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                throw new ContentException(file, lineOf(item), "each entry of '" + key + "' must be one line of text");
            }
            lines.add(scalar.getValue());
        }
        return String.join("\n", lines);
    }

    int integer(String key, int fallback) {
        String value = string(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw error(key, "'" + key + "' must be a whole number, not '" + value + "'");
        }
    }

    Boolean bool(String key, Boolean fallback) {
        String value = string(key, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.trim()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw error(key, "'" + key + "' must be true or false, not '" + value + "'");
        };
    }

    /** A list of mappings, e.g. the questions of a quiz; absent means empty. */
    List<YamlFields> list(String key) {
        Node value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw error(key, "'" + key + "' must be a list");
        }
        List<YamlFields> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof MappingNode mapping)) {
                throw new ContentException(file, lineOf(item), "each entry of '" + key + "' must be key: value pairs");
            }
            items.add(new YamlFields(file, lineOffset, mapping));
        }
        return items;
    }

    private int lineOf(Node n) {
        return n.getStartMark() == null ? lineOffset + 1 : n.getStartMark().getLine() + 1 + lineOffset;
    }
}
