package org.lectern.studio;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An image an author uploads for the chapters: checked for its type (by name and by its first bytes) and size,
 * named safely, and stored in the course's {@code images/} folder of the working copy like any other file.
 */
final class Media {
    /** The server refuses larger requests anyway; the reader allows 2 MiB per file. */
    static final int MAX_BYTES = 1_000_000;

    private static final Pattern SAFE = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");
    private static final Map<String, String> TYPES = Map.of(
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "gif", "image/gif",
            "webp", "image/webp",
            "svg", "image/svg+xml");

    private Media() {}

    /** The path in the course an upload of that name goes to, e.g. {@code images/thread-pool.png}. */
    static String path(String filename, byte[] content) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .toLowerCase(Locale.ROOT)
                .replace(' ', '-');
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        if (!TYPES.containsKey(extension)) {
            throw new InvalidCourse("studio.media.type");
        }
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw new InvalidCourse("studio.media.size");
        }
        if (!looksLike(extension, content)) {
            throw new InvalidCourse("studio.media.content");
        }
        if (!SAFE.matcher(name).matches() || name.length() > 100) {
            throw new InvalidCourse("studio.media.name");
        }
        return "images/" + name;
    }

    static String mediaType(String path) {
        return TYPES.getOrDefault(path.substring(path.lastIndexOf('.') + 1), "application/octet-stream");
    }

    private static boolean looksLike(String extension, byte[] b) {
        return switch (extension) {
            case "png" -> starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            case "jpg", "jpeg" -> starts(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case "gif" -> starts(b, "GIF8".getBytes(StandardCharsets.US_ASCII));
            case "webp" ->
                starts(b, "RIFF".getBytes(StandardCharsets.US_ASCII))
                        && b.length > 12
                        && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP");
            default -> new String(b, 0, Math.min(b.length, 1024), StandardCharsets.UTF_8).contains("<svg");
        };
    }

    private static boolean starts(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
