package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.testing.Visitor;

/** What a test reads off a studio editor page. */
final class EditorForms {
    private static final Pattern BASE = Pattern.compile("id=\"base\" value=\"([0-9a-f]*)\"");
    private static final Pattern LAYOUT = Pattern.compile("data-layout=\"([0-9a-f]{64})\"");

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
}
