package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.testing.Visitor;

/** What a test reads off a studio editor page. */
final class EditorForms {
    private static final Pattern BASE = Pattern.compile("id=\"base\" value=\"([0-9a-f]*)\"");

    private EditorForms() {}

    /** The hash of the file the editor at {@code path} started from, which a save sends as its {@code base}. */
    static String base(Visitor visitor, String path) {
        HttpResponse<String> page = visitor.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        Matcher m = BASE.matcher(page.body());
        assertThat(m.find()).as("the editor carries the base version").isTrue();
        return m.group(1);
    }
}
