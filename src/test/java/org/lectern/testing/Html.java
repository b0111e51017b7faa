package org.lectern.testing;

/** Reading text out of the server's pages, which escape it as Thymeleaf does. */
public final class Html {
    private Html() {}

    /** Text or an attribute's value as a browser reads it, for the five characters Thymeleaf escapes. */
    public static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
