package org.lectern.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves the relative links an author writes between content files ({@code ../02-multithreading/01-x.md},
 * {@code ../images/y.svg}) to what they point at, so the importer can check them and pages can link them.
 */
public final class ContentLinks {
    private static final Pattern ORDER_PREFIX = Pattern.compile("^\\d+-");

    private ContentLinks() {}

    /** What a relative link points at. */
    public sealed interface Target permits ChapterTarget, AssetTarget {}

    public record ChapterTarget(String sectionSlug, String chapterSlug, String fragment) implements Target {}

    public record AssetTarget(String path) implements Target {}

    /**
     * @param sectionSlug the section of the chapter the link is written in
     * @param href the link as written
     * @return empty for links that are not relative file links (absolute URLs, fragments, site paths)
     */
    public static Optional<Target> resolve(String sectionSlug, String href) {
        if (href == null || href.isEmpty() || href.startsWith("#") || href.startsWith("/")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(href);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getPath() == null) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>(List.of(sectionSlug));
        for (String part : uri.getPath().split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.of(new AssetTarget("../" + uri.getPath()));
                }
                segments.remove(segments.size() - 1);
            } else {
                segments.add(part);
            }
        }
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        if (segments.size() == 2 && last.endsWith(".md")) {
            String section = withoutOrder(segments.get(0));
            String chapter = withoutOrder(last.substring(0, last.length() - 3));
            return Optional.of(new ChapterTarget(section, chapter, uri.getFragment()));
        }
        return Optional.of(new AssetTarget(String.join("/", segments)));
    }

    static String withoutOrder(String name) {
        return ORDER_PREFIX.matcher(name).replaceFirst("");
    }
}
