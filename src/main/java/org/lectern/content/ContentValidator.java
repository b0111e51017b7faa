package org.lectern.content;

import java.util.HashSet;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.lectern.content.ContentLinks.AssetTarget;
import org.lectern.content.ContentLinks.ChapterTarget;
import org.lectern.content.CourseSource.ChapterSource;
import org.lectern.content.CourseSource.SectionSource;

/** Checks what only makes sense across files: every relative link and image points at something that exists. */
final class ContentValidator {
    private ContentValidator() {}

    static void checkLinks(CourseSource course) {
        Set<String> chapters = new HashSet<>();
        course.sections().forEach(s -> s.chapters().forEach(c -> chapters.add(s.slug() + "/" + c.slug())));
        Set<String> assets = new HashSet<>();
        course.assets().forEach(a -> assets.add(a.path()));
        for (SectionSource section : course.sections()) {
            for (ChapterSource chapter : section.chapters()) {
                MarkdownRenderer.parseWithSourceLines(chapter.bodyMd())
                        .accept(new LinkChecker(section.slug(), chapter, chapters, assets));
            }
        }
    }

    private static final class LinkChecker extends AbstractVisitor {
        private final String sectionSlug;
        private final ChapterSource chapter;
        private final Set<String> chapters;
        private final Set<String> assets;

        LinkChecker(String sectionSlug, ChapterSource chapter, Set<String> chapters, Set<String> assets) {
            this.sectionSlug = sectionSlug;
            this.chapter = chapter;
            this.chapters = chapters;
            this.assets = assets;
        }

        @Override
        public void visit(Link link) {
            check(link, link.getDestination(), false);
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            check(image, image.getDestination(), true);
            if (altText(image).isBlank()) {
                throw new ContentException(
                        chapter.file(),
                        line(image),
                        "the image " + image.getDestination() + " needs alt text: ![what it shows](...)");
            }
        }

        private void check(Node node, String destination, boolean image) {
            ContentLinks.resolve(sectionSlug, destination).ifPresent(target -> {
                boolean exists;
                if (target instanceof ChapterTarget c) {
                    exists = !image && chapters.contains(c.sectionSlug() + "/" + c.chapterSlug());
                } else {
                    exists = assets.contains(((AssetTarget) target).path());
                }
                if (!exists) {
                    throw new ContentException(
                            chapter.file(),
                            line(node),
                            (image ? "image" : "link") + " target not found: " + destination);
                }
            });
        }

        private int line(Node node) {
            return node.getSourceSpans().isEmpty()
                    ? 0
                    : node.getSourceSpans().get(0).getLineIndex() + chapter.bodyLine();
        }

        private static String altText(Image image) {
            StringBuilder alt = new StringBuilder();
            image.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }
            });
            return alt.toString();
        }
    }
}
