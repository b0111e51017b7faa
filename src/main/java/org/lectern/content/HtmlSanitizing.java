package org.lectern.content;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/** What rendered Markdown may contain: text formatting and our own code-block structure, never script or style. */
final class HtmlSanitizing {
    private static final Pattern CSS_CLASSES = Pattern.compile("[a-zA-Z0-9 _+#-]*");
    private static final Pattern SLUGISH = Pattern.compile("[a-zA-Z0-9_+#.-]*");
    private static final Pattern HEADING_ID = Pattern.compile("[a-zA-Z0-9_-]+");

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "hr",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "blockquote",
                    "ul",
                    "ol",
                    "li",
                    "dl",
                    "dt",
                    "dd",
                    "em",
                    "strong",
                    "del",
                    "s",
                    "sup",
                    "sub",
                    "kbd",
                    "mark",
                    "small",
                    "abbr",
                    "pre",
                    "code",
                    "span",
                    "div",
                    "details",
                    "summary",
                    "figure",
                    "figcaption",
                    "a",
                    "img",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td")
            .allowAttributes("id")
            .matching(HEADING_ID)
            .onElements("h1", "h2", "h3", "h4", "h5", "h6")
            .allowAttributes("class")
            .matching(CSS_CLASSES)
            .onElements("div", "span", "pre", "code")
            .allowAttributes("data-lang", "data-block", "data-course", "data-chapter")
            .matching(SLUGISH)
            .onElements("div")
            .allowAttributes("aria-hidden")
            .matching(Pattern.compile("true"))
            .onElements("pre")
            .allowAttributes("align")
            .matching(Pattern.compile("left|right|center"))
            .onElements("th", "td")
            .allowAttributes("start")
            .matching(Pattern.compile("\\d{1,6}"))
            .onElements("ol")
            .allowAttributes("title")
            .globally()
            .allowAttributes("href")
            .onElements("a")
            .allowAttributes("src", "alt")
            .onElements("img")
            .allowAttributes("loading")
            .matching(Pattern.compile("lazy"))
            .onElements("img")
            .allowAttributes("open")
            .onElements("details")
            .allowStandardUrlProtocols()
            .toFactory();

    private HtmlSanitizing() {}
}
