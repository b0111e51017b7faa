package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.testing.Html;
import org.lectern.testing.Visitor;

/** What a test reads off a studio editor page. */
final class EditorForms {
    private static final Pattern BASE = Pattern.compile("id=\"base\" value=\"([0-9a-f]*)\"");
    private static final Pattern LAYOUT = Pattern.compile("data-layout=\"([0-9a-f]{64})\"");
    private static final Pattern FIELD = Pattern.compile(
            "<input([^>]*)>|<textarea([^>]*)>(.*?)</textarea>|<select([^>]*)>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z-]+)(?:=\"([^\"]*)\")?");
    private static final Pattern OPTION = Pattern.compile("<option([^>]*)>");

    private EditorForms() {}

    /** The hash of the file the editor at {@code path} started from, which a save sends as its {@code base}. */
    static String base(Visitor visitor, String path) {
        return read(visitor, path, BASE, "the editor carries the base version");
    }

    /** The hash of the course's layout its studio page shows, which a move sends as its {@code layout}. */
    static String layout(Visitor visitor, String course) {
        return read(visitor, course, LAYOUT, "the course page carries its layout");
    }

    private static String read(Visitor visitor, String path, Pattern pattern, String what) {
        HttpResponse<String> page = visitor.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        Matcher m = pattern.matcher(page.body());
        assertThat(m.find()).as(what).isTrue();
        return m.group(1);
    }

    /**
     * The fields a browser would submit from the form with this id, in order and as a browser reads them: ticked
     * boxes only, a select's selected option, a textarea without the newline after its tag. The CSRF field is left
     * to {@link Visitor#post}; buttons are not fields.
     */
    static List<Map.Entry<String, String>> fields(String page, String formId) {
        int start = page.indexOf("<form id=\"" + formId + "\"");
        assertThat(start).as("the page has the form " + formId).isNotNegative();
        Matcher m = FIELD.matcher(page.substring(start, page.indexOf("</form>", start)));
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        while (m.find()) {
            if (m.group(1) != null) {
                Map<String, String> input = attributes(m.group(1));
                String type = input.getOrDefault("type", "text");
                boolean box = type.equals("checkbox") || type.equals("radio");
                if (input.containsKey("name") && (!box || input.containsKey("checked"))) {
                    fields.add(Map.entry(input.get("name"), input.getOrDefault("value", box ? "on" : "")));
                }
            } else if (m.group(2) != null) {
                String text = Html.unescape(m.group(3));
                fields.add(Map.entry(
                        attributes(m.group(2)).get("name"), text.startsWith("\n") ? text.substring(1) : text));
            } else {
                Matcher option = OPTION.matcher(m.group(5));
                while (option.find()) {
                    Map<String, String> attributes = attributes(option.group(1));
                    if (attributes.containsKey("selected")) {
                        fields.add(Map.entry(attributes(m.group(4)).get("name"), attributes.get("value")));
                    }
                }
            }
        }
        fields.removeIf(field -> field.getKey().equals("_csrf"));
        return fields;
    }

    /** The fields with the first field of this name given another value. */
    static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> fields, String name, String value) {
        List<Map.Entry<String, String>> changed = new ArrayList<>(fields);
        int at = changed.stream().map(Map.Entry::getKey).toList().indexOf(name);
        assertThat(at).as("the form has the field " + name).isNotNegative();
        changed.set(at, Map.entry(name, value));
        return changed;
    }

    /** The fields with one more, e.g. the button pressed ({@code op}) or another ticked box. */
    static List<Map.Entry<String, String>> plus(List<Map.Entry<String, String>> fields, String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(fields);
        more.add(Map.entry(name, value));
        return more;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new java.util.HashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            attributes.put(m.group(1), m.group(2) == null ? "" : Html.unescape(m.group(2)));
        }
        return attributes;
    }
}
