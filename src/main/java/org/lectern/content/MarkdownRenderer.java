package org.lectern.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.lectern.content.ContentLinks.AssetTarget;
import org.lectern.content.ContentLinks.ChapterTarget;
import org.lectern.content.RenderedMarkdown.TocEntry;

/**
 * Turns author Markdown into the HTML learners see: GitHub tables, heading anchors, code blocks with line numbers,
 * runnable blocks, links between chapters, and a sanitizer pass so nothing an author writes can run script.
 */
public final class MarkdownRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final Parser SOURCE_PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private record Fragment(String markdown, Place place) {}

    private static final Cache<Fragment, String> FRAGMENTS = Caffeine.newBuilder()
            .maximumWeight(4L << 20)
            .weigher(MarkdownRenderer::weight)
            .build();

    private static int weight(Fragment fragment, String html) {
        return fragment.markdown().length() + html.length();
    }

    /** Where a text sits, so relative links resolve and runnable blocks know their source. */
    public record Place(String courseSlug, String sectionSlug, String chapterSlug) {
        public static final Place NOWHERE = new Place("", "", "");
    }

    static Node parseWithSourceLines(String markdown) {
        return SOURCE_PARSER.parse(markdown);
    }

    public RenderedMarkdown render(String markdown, Place place) {
        Node document = PARSER.parse(markdown);
        Map<Heading, String> headingIds = new IdentityHashMap<>();
        List<TocEntry> toc = new ArrayList<>();
        int[] words = {0};
        IdGenerator ids = IdGenerator.builder().build();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = plainText(heading);
                String id = ids.generateId(text);
                headingIds.put(heading, id);
                if (heading.getLevel() == 2 || heading.getLevel() == 3) {
                    toc.add(new TocEntry(heading.getLevel(), id, text));
                }
                visitChildren(heading);
            }

            @Override
            public void visit(Text text) {
                words[0] += countWords(text.getLiteral());
            }

            @Override
            public void visit(Link link) {
                link.setDestination(rewrite(place, link.getDestination()));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                image.setDestination(rewrite(place, image.getDestination()));
                visitChildren(image);
            }
        });
        CodeBlockRenderer.Counter runnable = new CodeBlockRenderer.Counter();
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Heading heading && headingIds.containsKey(heading)) {
                        attributes.put("id", headingIds.get(heading));
                    }
                    if (node instanceof Image) {
                        attributes.put("loading", "lazy");
                    }
                })
                .nodeRendererFactory(context -> new CodeBlockRenderer(context, place, runnable))
                .build();
        String html = wrapTables(HtmlSanitizing.POLICY.sanitize(renderer.render(document)));
        return new RenderedMarkdown(html, List.copyOf(toc), words[0], runnable.count());
    }

    /**
     * Renders a short text such as a question prompt or an explanation: the same rules, no page furniture. The
     * result depends on nothing but the text and its place, and the same few hundred texts (a chapter's questions,
     * options and challenges) are asked for on every page view, so results are kept.
     */
    public String renderFragment(String markdown, Place place) {
        return FRAGMENTS.get(
                new Fragment(markdown, place),
                f -> render(f.markdown(), f.place()).html());
    }

    /** A wide table scrolls inside its own box, so a phone never scrolls the whole page sideways. */
    private static String wrapTables(String html) {
        return html.replace("<table>", "<div class=\"table-wrap\"><table>").replace("</table>", "</table></div>");
    }

    private static String rewrite(Place place, String destination) {
        return ContentLinks.resolve(place.sectionSlug(), destination)
                .map(target -> {
                    if (target instanceof ChapterTarget c) {
                        return "/courses/" + place.courseSlug() + "/" + c.sectionSlug() + "/" + c.chapterSlug()
                                + (c.fragment() == null ? "" : "#" + c.fragment());
                    }
                    return "/courses/" + place.courseSlug() + "/assets/" + ((AssetTarget) target).path();
                })
                .orElse(destination);
    }

    static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    private static int countWords(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
    }

    static final Set<String> RUNNABLE_LANGUAGES = Set.of("python", "py", "python3");
}
