package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lectern.content.MarkdownRenderer.Place;

class MarkdownRendererTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();
    private final Place place = new Place("course", "basics", "second");

    private RenderedMarkdown render(String markdown) {
        return renderer.render(markdown, place);
    }

    @Test
    void aScriptInMarkdownNeverReachesThePage() {
        String html = render("""
                Hello <script>alert('x')</script>

                <img src="x.png" onerror="alert(1)">

                <a href="javascript:alert(1)">click</a>

                <div style="position:fixed" onclick="steal()">styled</div>

                <iframe src="https://evil.example"></iframe>
                """).html();
        assertThat(html).doesNotContain("<script", "onerror", "javascript:", "onclick", "style=", "<iframe");
        assertThat(html).contains("Hello", "styled");
    }

    @Test
    void tablesBecomeHtmlTablesInAScrollingBox() {
        String html = render("| a | b |\n| --- | --- |\n| 1 | 2 |\n").html();
        assertThat(html).contains("<div class=\"table-wrap\"><table>", "<th>a</th>", "<td>2</td>", "</table></div>");
    }

    @Test
    void headingsGetAnchorsAndFormTheTableOfContents() {
        RenderedMarkdown rendered =
                render("## What is a thread?\n\ntext\n\n### Shared memory\n\n## What is a thread?\n");
        assertThat(rendered.html())
                .contains("<h2 id=\"what-is-a-thread\">", "<h3 id=\"shared-memory\">", "id=\"what-is-a-thread-1\"");
        assertThat(rendered.toc())
                .extracting(RenderedMarkdown.TocEntry::id)
                .containsExactly("what-is-a-thread", "shared-memory", "what-is-a-thread-1");
        assertThat(rendered.toc()).extracting(RenderedMarkdown.TocEntry::level).containsExactly(2, 3, 2);
    }

    @Test
    void aRunnableBlockCarriesItsSourceAndLineNumbers() {
        RenderedMarkdown rendered = render("```python run\nprint('a')\nprint('b')\n```\n\n```python\nx = 1\n```\n");
        assertThat(rendered.runnableBlocks()).isEqualTo(1);
        assertThat(rendered.html())
                .contains(
                        "class=\"code-block runnable\"",
                        "data-block=\"1\"",
                        "data-course=\"course\"",
                        "data-chapter=\"second\"")
                .contains("<pre class=\"gutter\" aria-hidden=\"true\">1\n2</pre>")
                .contains("<code class=\"language-python\">print(&#39;a&#39;)\nprint(&#39;b&#39;)</code>");
        assertThat(rendered.html().indexOf("runnable"))
                .isEqualTo(rendered.html().lastIndexOf("runnable"));
    }

    @Test
    void codeIsEscapedNotInterpreted() {
        String html = render("```html\n<script>alert(1)</script>\n```\n").html();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void anOutputBlockIsMarkedAsASampleOfOutput() {
        String html = render("```output\nThread starting\n```\n").html();
        assertThat(html).contains("output-sample", "class=\"nohighlight\"");
    }

    @Test
    void linksBetweenChapterFilesBecomeChapterUrls() {
        String html = render("[next](02-other.md#part) and [far](../03-advanced/01-deep.md) and ![d](../images/x.svg)")
                .html();
        assertThat(html)
                .contains("href=\"/courses/course/basics/other#part\"")
                .contains("href=\"/courses/course/advanced/deep\"")
                .contains("src=\"/courses/course/assets/images/x.svg\"");
    }

    @Test
    void externalLinksAreKept() {
        assertThat(render("[docs](https://docs.python.org/3/)").html()).contains("href=\"https://docs.python.org/3/\"");
    }

    @Test
    void readingTimeCountsProseWordsNotCode() {
        String words = "word ".repeat(450);
        RenderedMarkdown rendered = render(words + "\n\n```python\n" + "x = 1\n".repeat(500) + "```\n");
        assertThat(rendered.wordCount()).isEqualTo(450);
        assertThat(rendered.readingMinutes()).isEqualTo(3);
    }
}
