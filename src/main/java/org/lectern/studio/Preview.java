package org.lectern.studio;

import org.lectern.content.ContentException;
import org.lectern.content.MarkdownRenderer;
import org.lectern.content.RenderedMarkdown;
import org.lectern.content.SourceText;

/** Renders a chapter's source as learners will see it, with the very renderer the reading pages use. */
final class Preview {
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    /** What the preview pane shows: the chapter's title and body, or why the source cannot be read. */
    record Rendered(String title, RenderedMarkdown body, String error) {}

    Rendered render(String courseSlug, StudioOutline.Chapter chapter, String source) {
        try {
            SourceText text = SourceText.parse(chapter.path(), source.replace("\r\n", "\n"));
            RenderedMarkdown body = markdown.render(
                    text.body(), new MarkdownRenderer.Place(courseSlug, chapter.sectionSlug(), chapter.slug()));
            // Images the authors uploaded are not published yet: the preview shows the working copy's.
            String html = body.html()
                    .replace("/courses/" + courseSlug + "/assets/images/", "/studio/courses/" + courseSlug + "/media/");
            return new Rendered(
                    text.title(),
                    new RenderedMarkdown(html, body.toc(), body.wordCount(), body.runnableBlocks()),
                    null);
        } catch (ContentException broken) {
            return new Rendered("", null, broken.getMessage());
        }
    }
}
