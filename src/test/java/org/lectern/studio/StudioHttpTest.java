package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.content.CourseFiles;
import org.lectern.testing.Routes;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;
import org.lectern.web.Access;

/** The studio over HTTP: who may use it, drafts and publishing, the optimistic lock, revisions and export. */
class StudioHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final Pattern BASE = Pattern.compile("id=\"base\" value=\"([0-9a-f]*)\"");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
        var accounts = server.app().accounts();
        accounts.createUser("ann@example.org", "Ann Author", PASSWORD, Role.AUTHOR);
        accounts.createUser("bob@example.org", "Bob Author", PASSWORD, Role.AUTHOR);
        accounts.createUser("lea@example.org", "Lea Learner", PASSWORD, Role.LEARNER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Visitor author(String who) {
        return new Visitor(server).logIn(who + "@example.org", PASSWORD);
    }

    private static String editor(String section, String chapter) {
        return "/studio/courses/sample-course/chapters/" + section + "/" + chapter;
    }

    private static String base(Visitor visitor, String path) {
        Matcher m = BASE.matcher(visitor.get(path).body());
        assertThat(m.find()).as("the editor carries the base version").isTrue();
        return m.group(1);
    }

    @Test
    void everyStudioRouteIsForAuthorsAndALearnerGets403() {
        List<Routes.Route> studio = Routes.of(server).stream()
                .filter(r -> r.pattern().startsWith("/studio"))
                .toList();
        assertThat(studio).hasSizeGreaterThanOrEqualTo(30);
        Map<String, String> samples = Map.of(
                "course",
                "sample-course",
                "section",
                "basics",
                "chapter",
                "first",
                "revision",
                "1",
                "token",
                "0123456789abcdef0123456789abcdef",
                "name",
                "diagram.svg",
                "key",
                "add-numbers",
                "file",
                "solution.py");
        Visitor learner = new Visitor(server).logIn("lea@example.org", PASSWORD);
        for (Routes.Route route : studio) {
            assertThat(route.access()).as(route.toString()).isEqualTo(Access.AUTHOR);
            String path = route.path(samples);
            HttpResponse<String> answer = route.safe()
                    ? learner.get(path)
                    : learner.submit(
                            route.method(),
                            path,
                            Map.of("_csrf", learner.csrfToken(), "text", "---\ntitle: x\n---\n", "slug", "x"));
            assertThat(answer.statusCode()).as(route.toString()).isEqualTo(403);
        }
        assertThat(server.app().exporter().published("x")).isEmpty();
    }

    @Test
    void aSavedDraftReachesLearnersAndGuestsOnlyWhenTheChapterIsPublished() {
        Visitor ann = author("ann");
        Visitor learner = new Visitor(server).logIn("lea@example.org", PASSWORD);
        String chapterPage = "/courses/sample-course/basics/first";
        assertThat(new Visitor(server).get(chapterPage).body()).contains("Some words to read.");
        String text = "---\ntitle: First steps, revised\n---\n## Hello\n\nFreshly edited words.\n";

        HttpResponse<String> saved =
                ann.post(editor("basics", "first"), Map.of("text", text, "base", base(ann, editor("basics", "first"))));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(ann.get(editor("basics", "first")).body()).contains("Freshly edited words.");
        assertThat(learner.get(chapterPage).body()).doesNotContain("Freshly edited words.");
        assertThat(ann.get("/studio").body()).contains("Unpublished changes");

        long version = server.app().catalog().version();
        assertThat(ann.post(editor("basics", "first") + "/publish", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(server.app().catalog().version())
                .as("the guest page cache moves on")
                .isGreaterThan(version);
        assertThat(learner.get(chapterPage).body()).contains("Freshly edited words.", "First steps, revised");
        assertThat(new Visitor(server).get(chapterPage).body()).contains("Freshly edited words.");
        assertThat(ann.get("/studio/courses/sample-course").body())
                .as("everything is published again")
                .contains("studio-state--published");
    }

    @Test
    void aStaleSaveIsRefusedWithBothVersionsAndOverwritesNothing() {
        Visitor ann = author("ann");
        Visitor bob = author("bob");
        String path = editor("more", "third");
        String annBase = base(ann, path);
        String bobBase = base(bob, path);
        String annText = "---\ntitle: The third chapter\n---\nAnn's ending.\n";
        String bobText = "---\ntitle: The third chapter\n---\nBob's ending.\n";
        assertThat(ann.post(path, Map.of("text", annText, "base", annBase), "Accept", "application/json")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> stale =
                bob.post(path, Map.of("text", bobText, "base", bobBase), "Accept", "application/json");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else saved this chapter", "Ann's ending.");
        HttpResponse<String> page = bob.post(path, Map.of("text", bobText, "base", bobBase));
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("Their version", "Ann&#39;s ending.", "Your version", "Bob&#39;s ending.");
        assertThat(ann.get(path).body()).contains("Ann&#39;s ending.").doesNotContain("Bob&#39;s ending.");

        String theirs = base(bob, path);
        assertThat(bob.post(path, Map.of("text", bobText, "base", theirs)).statusCode())
                .as("saving again over the version seen keeps Bob's")
                .isEqualTo(302);
        assertThat(ann.get(path).body()).contains("Bob&#39;s ending.");
    }

    @Test
    void aChapterThatDoesNotValidateIsNotPublishedAndLearnersKeepTheOldOne() {
        Visitor ann = author("ann");
        String path = editor("basics", "second");
        String broken = "---\ntitle: [unclosed\n---\nBody.\n";
        assertThat(ann.post(path, Map.of("text", broken, "base", base(ann, path)))
                        .statusCode())
                .isEqualTo(302);
        assertThat(ann.post(path + "/preview", Map.of("text", broken)).body())
                .contains("The preview cannot be shown", "invalid YAML");
        HttpResponse<String> refused = ann.post(path + "/publish", Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Not published", "01-basics/02-second.md:3", "invalid YAML");
        assertThat(new Visitor(server)
                        .logIn("lea@example.org", PASSWORD)
                        .get("/courses/sample-course/basics/second")
                        .body())
                .contains("Threads and tables");
        // Mend it again, so the course as a whole stays publishable for the other tests.
        String original = new String(readFixture("01-basics/02-second.md"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ann.post(path, Map.of("text", original, "base", base(ann, path)))
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void thePreviewIsTheLearnersRenderingWithRunnableBlocks() {
        Visitor ann = author("ann");
        HttpResponse<String> preview = ann.post(
                editor("basics", "first") + "/preview",
                Map.of(
                        "text",
                        "---\ntitle: P\n---\n## A heading\n\n```python run\nprint('hi')\n```\n<script>x()</script>\n"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("id=\"a-heading\"", "code-block runnable", "print")
                .doesNotContain("<script>");
    }

    @Test
    void everySaveIsARevisionThatCanBeComparedAndRestored() {
        Visitor ann = author("ann");
        String path = editor("basics", "first");
        String first = "---\ntitle: First steps\n---\nVersion one of the text.\n";
        String second = "---\ntitle: First steps\n---\nVersion two of the text.\n";
        ann.post(path, Map.of("text", first, "base", base(ann, path), "message", "the first try"));
        ann.post(path, Map.of("text", second, "base", base(ann, path), "message", "the second try"));

        String list = ann.get("/studio/courses/sample-course/revisions").body();
        assertThat(list).contains("the first try", "the second try", "Ann Author", "01-basics/01-first.md");
        Matcher id = Pattern.compile(
                        "data-revision=\"(\\d+)\"[^<]*<td><a[^>]*>[^<]*</a></td>\\s*<td>Ann Author</td>\\s*"
                                + "<td><span>Saved</span>\\s*<span class=\"muted\">the first try")
                .matcher(list);
        assertThat(id.find()).isTrue();
        String revision = "/studio/courses/sample-course/revisions/" + id.group(1);

        String shown = ann.get(revision).body();
        assertThat(shown)
                .contains(
                        "studio-diff__removed\">-Version one of the text.",
                        "studio-diff__added\">+Version two of the text.");
        assertThat(ann.post(revision + "/restore", Map.of()).statusCode()).isEqualTo(302);
        assertThat(ann.get(path).body()).contains("Version one of the text.");
        assertThat(ann.get("/studio/courses/sample-course/revisions").body()).contains("Restored");
        assertThat(ann.get("/studio/courses/sample-course/revisions/999999").statusCode())
                .isEqualTo(404);
        assertThat(ann.get("/studio/courses/sample-course/revisions/abc").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAuthorCreatesACoursePublishesItAndLearnersFindItInTheCatalog() {
        Visitor ann = author("ann");
        assertThat(ann.post("/studio/courses", Map.of("slug", "Not A Slug", "title", "X"))
                        .body())
                .contains("Use lowercase letters");
        assertThat(ann.post("/studio/courses", Map.of("slug", "sample-course", "title", "X"))
                        .body())
                .contains("exists already");
        HttpResponse<String> created =
                ann.post("/studio/courses", Map.of("slug", "brand-new", "title", "A \"brand\": new course"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location")).contains("/studio/courses/brand-new");
        assertThat(ann.get("/studio").body()).contains("A &quot;brand&quot;: new course", "Draft");
        assertThat(new Visitor(server).get("/").body()).doesNotContain("new course");

        assertThat(ann.post("/studio/courses/brand-new/publish", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(new Visitor(server).get("/").body()).contains("A &quot;brand&quot;: new course");
        assertThat(new Visitor(server).get("/courses/brand-new/start/welcome").body())
                .contains("Write the first chapter here.");
    }

    @Test
    void theZipDownloadHoldsThePublishedFilesByteForByte() throws Exception {
        Visitor ann = author("ann");
        HttpResponse<String> head = ann.get("/studio/courses/sample-course/export.zip");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).contains("application/zip");
        HttpResponse<byte[]> zip = server.sendBytes(
                HttpRequest.newBuilder(URI.create(server.url("/studio/courses/sample-course/export.zip")))
                        .header("Cookie", "lectern_session=" + ann.cookie("lectern_session"))
                        .build());
        CourseFiles files =
                CourseFiles.readZip(new ByteArrayInputStream(zip.body()), "x").get("sample-course");
        assertThat(files)
                .isEqualTo(server.app().exporter().published("sample-course").orElseThrow());
        assertThat(files.bytes("01-basics/02-second.quiz.yaml")).contains(readFixture("01-basics/02-second.quiz.yaml"));
        assertThat(ann.get("/studio/courses/no-such-course/export.zip").statusCode())
                .isEqualTo(404);
    }

    private static byte[] readFixture(String path) {
        try {
            return Files.readAllBytes(
                    TestServer.FIXTURE_CONTENT.resolve("sample-course").resolve(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
