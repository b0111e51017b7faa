package org.lectern.content;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Splits a chapter's Markdown into the passages a search finds: each paragraph, list, quote or table, and each code
 * block, with the heading it sits under. Heading ids are made exactly as {@link MarkdownRenderer} makes the page's
 * anchors, so a passage links to its place on the page.
 */
public final class PassageReader {
    private static final Parser PARSER =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /** One block of a chapter; {@code headingId} is empty before the chapter's first heading. */
    public record Block(String headingId, String heading, boolean code, String text) {}

    private PassageReader() {}

    public static List<Block> blocks(String markdown) {
        Node document = PARSER.parse(markdown);
        Map<Heading, String> ids = headingIds(document);
        List<Block> blocks = new ArrayList<>();
        String headingId = "";
        String heading = "";
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h) {
                headingId = ids.get(h);
                heading = MarkdownRenderer.plainText(h);
            } else if (node instanceof FencedCodeBlock fenced) {
                if (!fenced.getInfo().strip().startsWith("output")) {
                    addIfText(blocks, new Block(headingId, heading, true, fenced.getLiteral()));
                }
            } else if (node instanceof IndentedCodeBlock indented) {
                addIfText(blocks, new Block(headingId, heading, true, indented.getLiteral()));
            } else if (!(node instanceof HtmlBlock) && !(node instanceof ThematicBreak)) {
                addIfText(blocks, new Block(headingId, heading, false, readableText(node)));
            }
        }
        return blocks;
    }

    /** The text of an inline Markdown snippet (a quiz prompt, an explanation) as a reader sees it. */
    public static String text(String markdown) {
        return readableText(PARSER.parse(markdown));
    }

    private static void addIfText(List<Block> blocks, Block block) {
        if (!block.text().isBlank()) {
            blocks.add(new Block(
                    block.headingId(),
                    block.heading(),
                    block.code(),
                    block.text().strip()));
        }
    }

    /** Visits headings in document order, as the renderer does, so duplicates get the same "-1" suffixes. */
    private static Map<Heading, String> headingIds(Node document) {
        Map<Heading, String> ids = new IdentityHashMap<>();
        IdGenerator generator = IdGenerator.builder().build();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                ids.put(heading, generator.generateId(MarkdownRenderer.plainText(heading)));
                visitChildren(heading);
            }
        });
        return ids;
    }

    private static String readableText(Node node) {
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

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                text.append('\n');
            }

            @Override
            public void visit(Paragraph paragraph) {
                visitChildren(paragraph);
                text.append('\n');
            }

            @Override
            public void visit(CustomNode tablePart) {
                visitChildren(tablePart);
                text.append(' ');
            }

            @Override
            public void visit(FencedCodeBlock code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString().strip();
    }
}
