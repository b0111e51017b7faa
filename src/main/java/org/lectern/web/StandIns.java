package org.lectern.web;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * What one request puts into a page kept with places ({@link Renderer#renderKept}): stand-in variables whose text is
 * a place, the value of each place for this request, and the words of the key under which the page is kept, for
 * whatever shapes the page without being a place (such as the reader's role, which shows or hides links).
 */
public final class StandIns {
    private final Map<String, Object> variables = new HashMap<>();
    private final Map<String, Supplier<String>> values = new HashMap<>();
    private final StringJoiner key = new StringJoiner(" ");

    /** A variable as the kept page's template sees it. */
    public void variable(String name, Object standIn) {
        variables.put(name, standIn);
    }

    /**
     * What fills the place of this name for this request, as it is to appear in the page; asked for only when the
     * page has that place (a form token is issued only for a page with a form).
     */
    public void value(String place, Supplier<String> value) {
        values.put(place, value);
    }

    /** A word of the key: pages with different words are kept apart. */
    public void key(String word) {
        key.add(word);
    }

    Map<String, Object> variables() {
        return variables;
    }

    Map<String, Supplier<String>> values() {
        return values;
    }

    String key() {
        return key.toString();
    }
}
