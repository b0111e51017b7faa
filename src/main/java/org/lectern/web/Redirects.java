package org.lectern.web;

/** Where a {@code next} parameter may send someone: only paths on this site, never an open redirect. */
public final class Redirects {
    private Redirects() {}

    public static String safeNext(String next) {
        return safeNext(next, "/");
    }

    public static String safeNext(String next, String fallback) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.length() > 2000
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return fallback;
        }
        return next;
    }
}
