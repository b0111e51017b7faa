package org.lectern.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The headers every page is sent with, whichever path served it. */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final Map<String, String> ALL = headers();

    /** Sent only over HTTPS, as the standard requires. */
    static final String HSTS_NAME = "Strict-Transport-Security";

    static final String HSTS_VALUE = "max-age=31536000";

    private SecurityHeaders() {}

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("X-Frame-Options", "DENY");
        return Map.copyOf(headers);
    }
}
