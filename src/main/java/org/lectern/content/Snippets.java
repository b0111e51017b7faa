package org.lectern.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;

/** The runnable code blocks of a chapter, each with what its author says it must do when run. */
public final class Snippets {

    /**
     * One runnable block: its code, the input it is verified with, the exit it must end with ("exit 0", "timeout",
     * …), and the output it must print when an {@code output} block follows it.
     */
    public record Snippet(
            int number, String code, String stdin, String expect, Optional<String> output, boolean verified) {}

    private Snippets() {}

    public static List<Snippet> of(String markdown) {
        List<Snippet> snippets = new ArrayList<>();
        MarkdownRenderer.parseWithSourceLines(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                CodeInfo info = CodeInfo.parse(block.getInfo());
                if (info.runnable() && MarkdownRenderer.RUNNABLE_LANGUAGES.contains(info.language())) {
                    snippets.add(new Snippet(
                            snippets.size() + 1,
                            block.getLiteral(),
                            info.attributes().getOrDefault("stdin", ""),
                            info.attributes().getOrDefault("expect", "exit 0"),
                            expectedOutput(block),
                            !info.attributes().containsKey("norun")));
                }
            }
        });
        return List.copyOf(snippets);
    }

    private static Optional<String> expectedOutput(FencedCodeBlock block) {
        Node next = block.getNext();
        if (next instanceof FencedCodeBlock fenced
                && CodeInfo.parse(fenced.getInfo()).isOutput()) {
            return Optional.of(fenced.getLiteral());
        }
        return Optional.empty();
    }
}
