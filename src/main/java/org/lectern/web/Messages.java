package org.lectern.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The UI strings, from {@code templates/i18n/messages*.properties}: English is the base bundle, every other
 * language overrides it key by key. Read from the working tree in dev mode, so edits show without a rebuild.
 */
public final class Messages implements IMessageResolver {
    static final String BASE_NAME = "templates.i18n.messages";
    private final ClassLoader loader;
    private final ResourceBundle.Control control;
    private final boolean reload;

    private final Map<Locale, ResourceBundle> bundles = new ConcurrentHashMap<>();

    /** Parsed patterns by locale and key: a page formats dozens of messages, and parsing is most of the cost. */
    private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();

    private Messages(ClassLoader loader, boolean reload) {
        this.loader = loader;
        this.reload = reload;
        this.control = new ResourceBundle.Control() {
            @Override
            public List<String> getFormats(String baseName) {
                return FORMAT_PROPERTIES;
            }

            @Override
            public Locale getFallbackLocale(String baseName, Locale locale) {
                return null; // never the JVM's default locale: English is the base bundle
            }

            @Override
            public long getTimeToLive(String baseName, Locale locale) {
                return reload ? TTL_DONT_CACHE : TTL_NO_EXPIRATION_CONTROL;
            }
        };
    }

    public static Messages fromClasspath() {
        return new Messages(Messages.class.getClassLoader(), false);
    }

    public static Messages fromDirectory(Path root) {
        try {
            return new Messages(
                    new URLClassLoader(new java.net.URL[] {root.toUri().toURL()}, null), true);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    public ResourceBundle bundle(Locale locale) {
        if (reload) {
            return ResourceBundle.getBundle(BASE_NAME, locale, loader, control);
        }
        ResourceBundle bundle = bundles.get(locale);
        return bundle != null
                ? bundle
                : bundles.computeIfAbsent(locale, l -> ResourceBundle.getBundle(BASE_NAME, l, loader, control));
    }

    public Set<String> keys(Locale locale) {
        return bundle(locale).keySet();
    }

    /** The message in the locale's language; arguments are formatted with {@link MessageFormat}. */
    public String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return "??" + key + "??";
        }
        return args.length == 0 ? pattern : format(locale, key, pattern, args);
    }

    /** MessageFormat is not thread-safe: each call formats with its own copy of the parsed pattern. */
    private String format(Locale locale, String key, String pattern, Object[] args) {
        if (reload) {
            return new MessageFormat(pattern, locale).format(args);
        }
        Map<String, MessageFormat> language = formats.computeIfAbsent(locale, l -> new ConcurrentHashMap<>());
        MessageFormat parsed = language.get(key);
        if (parsed == null) {
            parsed = language.computeIfAbsent(key, k -> new MessageFormat(pattern, locale));
        }
        return ((MessageFormat) parsed.clone()).format(args);
    }

    @Override
    public String getName() {
        return "lectern-messages";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] args) {
        try {
            Locale locale = context.getLocale();
            String pattern = bundle(locale).getString(key);
            return args == null || args.length == 0 ? pattern : format(locale, key, pattern, args);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    @Override
    public String createAbsentMessageRepresentation(
            ITemplateContext context, Class<?> origin, String key, Object[] args) {
        return "??" + key + "??";
    }
}
