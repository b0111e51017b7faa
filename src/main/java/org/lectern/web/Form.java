package org.lectern.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a person typed into a form and what was wrong with it, for re-rendering the form with their input kept and
 * each error beside its field. Error texts are already in the reader's language.
 */
public final class Form {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    public Form value(String field, String value) {
        values.put(field, value == null ? "" : value);
        return this;
    }

    public Form error(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String errorOf(String field) {
        return errors.get(field);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public Map<String, String> errors() {
        return Map.copyOf(errors);
    }
}
