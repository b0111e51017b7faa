package org.lectern.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which language a request is answered in: the switcher's cookie, else Accept-Language, else English. */
public final class Locales {
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"));
    static final String COOKIE = "lang";
    private static final String ATTRIBUTE = "locale";

    private Locales() {}

    public static Locale of(Context ctx) {
        Locale cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        Locale locale = fromTag(ctx.cookie(COOKIE)).orElseGet(() -> fromHeader(ctx.header("Accept-Language")));
        ctx.attribute(ATTRIBUTE, locale);
        return locale;
    }

    static Optional<Locale> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(tag)).findFirst();
    }

    static Locale fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return match != null ? match : Locale.ENGLISH;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }
}
