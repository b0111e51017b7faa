package org.lectern.content;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The info string of a fenced code block: {@code python run expect="exit 0" stdin="a\nb"}. The first word is the
 * language; {@code run} makes it runnable; the rest are attributes for verification.
 */
public record CodeInfo(String language, boolean runnable, Map<String, String> attributes) {
    private static final Pattern ATTRIBUTE =
            Pattern.compile("([a-z][a-z0-9-]*)(?:=\"((?:[^\"\\\\]|\\\\.)*)\"|=(\\S+))?");

    public static CodeInfo parse(String info) {
        String text = info == null ? "" : info.trim();
        if (text.isEmpty()) {
            return new CodeInfo("", false, Map.of());
        }
        String[] head = text.split("\\s+", 2);
        String language = head[0].toLowerCase();
        boolean runnable = false;
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(head.length > 1 ? head[1] : "");
        while (m.find()) {
            String name = m.group(1);
            String value = m.group(2) != null ? unescape(m.group(2)) : m.group(3) != null ? m.group(3) : "";
            if (name.equals("run")) {
                runnable = true;
            } else {
                attributes.put(name, value);
            }
        }
        return new CodeInfo(language, runnable, Map.copyOf(attributes));
    }

    public boolean isOutput() {
        return language.equals("output");
    }

    private static String unescape(String value) {
        return value.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
