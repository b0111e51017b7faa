package org.lectern.content;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;
import org.lectern.content.MarkdownRenderer.Place;

/**
 * Renders code blocks with a toolbar, a line-number gutter and a language class for highlighting. Runnable blocks
 * carry where they come from, so the runner can record it. Labels are added by the page's script, in its language.
 */
final class CodeBlockRenderer implements NodeRenderer {
    private final HtmlWriter html;
    private final Place place;
    private final Counter runnable;

    /** Numbers the runnable blocks of one text, from 1. */
    static final class Counter {
        private int count;

        int next() {
            return ++count;
        }

        int count() {
            return count;
        }
    }

    CodeBlockRenderer(HtmlNodeRendererContext context, Place place, Counter runnable) {
        this.html = context.getWriter();
        this.place = place;
        this.runnable = runnable;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(FencedCodeBlock.class, IndentedCodeBlock.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof FencedCodeBlock fenced) {
            write(fenced.getLiteral(), CodeInfo.parse(fenced.getInfo()));
        } else {
            write(((IndentedCodeBlock) node).getLiteral(), CodeInfo.parse(""));
        }
    }

    private void write(String code, CodeInfo info) {
        String language = info.language().replaceAll("[^a-z0-9+#-]", "");
        boolean run = info.runnable() && MarkdownRenderer.RUNNABLE_LANGUAGES.contains(language);
        Map<String, String> block = new LinkedHashMap<>();
        block.put("class", "code-block" + (run ? " runnable" : "") + (info.isOutput() ? " output-sample" : ""));
        block.put("data-lang", language.isEmpty() ? "text" : language);
        if (run) {
            block.put("data-block", Integer.toString(runnable.next()));
            block.put("data-course", place.courseSlug());
            block.put("data-chapter", place.chapterSlug());
        }
        html.line();
        html.tag("div", block);
        html.tag("div", attributes("class", "code-toolbar"));
        html.tag("span", attributes("class", "code-lang"));
        html.text(info.isOutput() ? "" : language);
        html.tag("/span");
        html.tag("/div");
        html.tag("div", attributes("class", "code-body"));
        String body = code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
        if (info.isOutput()) {
            // {{?}} marks text that varies from run to run (for verification); a reader just sees an ellipsis.
            body = body.replace(OutputPattern.ANY_TEXT, "…");
        }
        html.tag("pre", attributes("class", "gutter", "aria-hidden", "true"));
        html.text(lineNumbers(body));
        html.tag("/pre");
        html.tag("pre", attributes("class", "code"));
        html.tag(
                "code",
                attributes("class", info.isOutput() || language.isEmpty() ? "nohighlight" : "language-" + language));
        html.text(body);
        html.tag("/code");
        html.tag("/pre");
        html.tag("/div");
        html.tag("/div");
        html.line();
    }

    /** Attributes in the order given: the same page always renders to the same bytes. */
    private static Map<String, String> attributes(String... namesAndValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return attributes;
    }

    private static String lineNumbers(String code) {
        int lines = (int) code.chars().filter(c -> c == '\n').count() + 1;
        StringBuilder numbers = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            numbers.append(i).append(i < lines ? "\n" : "");
        }
        return numbers.toString();
    }
}
