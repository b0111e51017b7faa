package org.lectern.quiz;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A question as a learner's chapter page shows it before they answer, rendered once per language and content
 * version: it is the same for every learner but for the page's form token and the time it was shown, which
 * {@link #fill} puts in. Rendered anew for every signed-in chapter view, a chapter's questions were over a quarter of
 * the page's CPU time. A Parsons question is not kept: its lines come in an order of the learner's own.
 */
public final class UnansweredQuestion {
    private static final String MARK = "slot" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private static final String TOKEN = MARK + "token";
    private static final String SHOWN_AT = MARK + "shown";

    /** What the question's template reads of the form token while it is rendered to be kept. */
    public static final class TokenPlace {
        private final String name;

        TokenPlace(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }

        public String getToken() {
            return TOKEN;
        }
    }

    private final String html;

    /** @param html the question rendered with a {@link TokenPlace} as {@code csrf} and {@link #shownAtPlace} as shown */
    UnansweredQuestion(String html) {
        this.html = html;
    }

    static TokenPlace tokenPlace(String fieldName) {
        return new TokenPlace(fieldName);
    }

    static String shownAtPlace() {
        return SHOWN_AT;
    }

    /** The question for one page. A token is base64url and a time digits: neither needs escaping in an attribute. */
    public String fill(String token, long shownAt) {
        return html.replace(TOKEN, token).replace(SHOWN_AT, Long.toString(shownAt));
    }
}
