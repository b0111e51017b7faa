package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** The learner's pages over real HTTP, from a server on a free port. */
class PagesHttpTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCatalogListsTheImportedCourse() {
        HttpResponse<String> page = server.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains("Sample Course", "A small course the tests read.", "href=\"/courses/sample-course\"");
    }

    @Test
    void theCoursePageShowsSectionsChaptersAndAStartButton() {
        String body = server.get("/courses/sample-course").body();
        assertThat(body).contains("Section 1", "The basics", "First steps", "Threads and tables", "Section 2", "More");
        assertThat(body)
                .contains("href=\"/courses/sample-course/basics/first\"")
                .contains("Start learning");
        assertThat(body).contains("<strong>tests</strong>");
    }

    @Test
    void theSharedEndOfASignedInChapterPageFollowsTheReadersLanguageAndTheChapter() {
        server.app()
                .accounts()
                .createUser("reader@example.org", "Reader", "a long and unusual passphrase", Role.LEARNER);
        Visitor reader = new Visitor(server).logIn("reader@example.org", "a long and unusual passphrase");
        String chapter = "/courses/sample-course/basics/second";

        HttpResponse<String> page = reader.get(chapter);
        // rendered for this reader and encoded as it was written: the bytes are UTF-8 and say so
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(page.body()).contains("<title>Threads and tables · Sample Course</title>", "Section 1 · Chapter 2");
        String english = page.body();
        assertThat(english)
                .contains("Ask about this chapter", "aria-label=\"Run this code\"", "data-chapter=\"second\"")
                .contains("Reader");
        reader.setCookie("lang", "nl");
        String dutch = reader.get(chapter).body();
        assertThat(dutch)
                .contains("Vraag iets over dit hoofdstuk", "aria-label=\"Deze code uitvoeren\"")
                .doesNotContain("Ask about this chapter");
        reader.setCookie("lang", "en");
        assertThat(reader.get("/courses/sample-course/basics/first").body())
                .as("another chapter's panel names that chapter")
                .contains("data-chapter=\"first\"")
                .doesNotContain("data-chapter=\"second\"");
    }

    @Test
    void aSignedInChapterPageIsKeptOnceAndFilledWithEachReadersOwnNameTokenAndProgress() {
        String chapter = "/courses/sample-course/basics/second";
        String password = "a long and unusual passphrase";
        server.app().accounts().createUser("ada@example.org", "Ada <b>\"&'</b>", password, Role.LEARNER);
        server.app().accounts().createUser("grace@example.org", "Grace", password, Role.LEARNER);
        Visitor ada = new Visitor(server).logIn("ada@example.org", password);
        Visitor grace = new Visitor(server).logIn("grace@example.org", password);

        // the first page after logging in carries the welcome message: a flash is no place, so it is rendered whole
        String whole = ada.get(chapter).body();
        assertThat(whole).contains("Welcome back. You are logged in.");
        String kept = ada.get(chapter).body();
        assertThat(kept).doesNotContain("Welcome back");
        assertThat(withoutFlashAndTimes(kept))
                .as("the kept page, filled in, is the page rendered whole")
                .isEqualTo(withoutFlashAndTimes(whole));
        assertThat(kept)
                .contains(">Ada &lt;b&gt;&quot;&amp;&#39;&lt;/b&gt;</a>")
                .contains("<meta name=\"csrf-token\" content=\"" + ada.csrfToken() + "\">");

        grace.get(chapter);
        String graces = grace.get(chapter).body();
        assertThat(graces)
                .contains(">Grace</a>", "<meta name=\"csrf-token\" content=\"" + grace.csrfToken() + "\">")
                .doesNotContain("Ada", ada.csrfToken());

        assertThat(ada.post("/courses/sample-course/basics/first/read", java.util.Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(ada.get(chapter).body()).contains("class=\"progress-tick\"", ">1 of ");
        assertThat(grace.get(chapter).body())
                .doesNotContain("class=\"progress-tick\"")
                .contains(">0 of ");
    }

    private static String withoutFlashAndTimes(String page) {
        return page.replaceAll("<div class=\"flash\" role=\"status\"><p>[^<]*</p></div>", "")
                .replaceAll("name=\"shown_at\" value=\"\\d+\"", "name=\"shown_at\"");
    }

    @Test
    void aChapterPageHasItsLabelTableCodeOutlineAndNeighbours() {
        HttpResponse<String> page = server.get("/courses/sample-course/basics/second");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Section 1 · Chapter 2", "<h1>Threads and tables</h1>", "1 minute read");
        assertThat(body).contains("<th>Threads</th>", "class=\"code-block runnable\"", "class=\"gutter\"");
        assertThat(body).contains("aria-current=\"page\"").contains("href=\"/courses/sample-course/basics/first\"");
        assertThat(body).contains("href=\"/courses/sample-course/more/third\"");
        assertThat(body).contains("src=\"/courses/sample-course/assets/images/diagram.svg\"");
        assertThat(body).doesNotContain("<script>alert", "onerror");
    }

    @Test
    void aChapterPageAnswersNotModifiedToARepeatedEtag() {
        HttpResponse<String> first = server.get("/courses/sample-course/basics/first");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = server.get("/courses/sample-course/basics/first", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void staticFilesAndCourseFilesCarryCacheValidators() {
        HttpResponse<String> css = server.get("/static/css/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers()
                        .firstValue("Last-Modified")
                        .or(() -> css.headers().firstValue("ETag")))
                .isPresent();
        HttpResponse<String> svg = server.get("/courses/sample-course/assets/images/diagram.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).contains("image/svg+xml");
        String etag = svg.headers().firstValue("ETag").orElseThrow();
        assertThat(server.get("/courses/sample-course/assets/images/diagram.svg", "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);
        assertThat(server.get("/webjars/highlightjs/11.11.1/highlight.min.js").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anUnknownAddressGetsAFriendlyPageWithoutAStackTrace() {
        HttpResponse<String> page = server.get("/courses/sample-course/basics/nope", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found", "Go to the courses", "Reference:");
        assertThat(page.body()).doesNotContain("Exception", "at org.", "at io.");
        assertThat(server.get("/no/such/page").statusCode()).isEqualTo(404);
        assertThat(server.get("/courses/unknown-course").statusCode()).isEqualTo(404);
        assertThat(server.get("/courses/sample-course/assets/images/none.svg").statusCode())
                .isEqualTo(404);
    }

    @Test
    void programsAskingForJsonGetAJsonError() {
        HttpResponse<String> answer = server.get("/nothing-here", "Accept", "application/json");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(answer.body()).contains("\"status\":404", "\"error\":\"There is nothing at this address");
    }

    @Test
    void healthReportsTheDatabaseAndVersion() {
        HttpResponse<String> health = server.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"", "\"database\":\"ok\"", "\"version\":");
        assertThat(health.body()).contains("\"runner\":{\"available\":true", "\"capacity\":");
    }

    @Test
    void dutchIsChosenFromAcceptLanguageOrTheSwitcherCookie() {
        assertThat(server.get("/courses/sample-course/basics/second", "Accept-Language", "nl-NL,nl;q=0.9")
                        .body())
                .contains("Sectie 1 · Hoofdstuk 2", "lang=\"nl\"");
        HttpResponse<String> choose = server.get("/lang/nl?next=/courses/sample-course");
        assertThat(choose.statusCode()).isEqualTo(302);
        assertThat(choose.headers().firstValue("Location")).contains("/courses/sample-course");
        String cookie = choose.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("lang=nl").contains("SameSite=Lax");
        assertThat(server.get("/courses/sample-course", "Cookie", "lang=nl", "Accept-Language", "en")
                        .body())
                .contains("Inhoud van de cursus");
        assertThat(server.get("/lang/xx").statusCode()).isEqualTo(404);
        assertThat(server.get("/lang/nl?next=//evil.example").headers().firstValue("Location"))
                .contains("/");
    }

    @Test
    void pagesSendSecurityHeadersWithAScriptPolicyWithoutInlineScript() {
        HttpResponse<String> page = server.get("/");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)");
    }

    @Test
    void aRepeatedGuestPageIsServedFromMemoryWithTheSameHeadersAndGzipWhenAsked() {
        String path = "/courses/sample-course/more/third";
        HttpResponse<String> rendered = server.get(path);
        HttpResponse<String> cached = server.get(path);
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.body()).isEqualTo(rendered.body());
        for (String header :
                new String[] {"ETag", "Content-Security-Policy", "X-Content-Type-Options", "Cache-Control"}) {
            assertThat(cached.headers().firstValue(header))
                    .as(header)
                    .isEqualTo(rendered.headers().firstValue(header));
        }
        assertThat(cached.headers().firstValue("X-Request-Id")).isPresent();

        HttpResponse<byte[]> gzipped =
                server.sendBytes(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path)))
                        .header("Accept-Encoding", "gzip")
                        .build());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gunzip(gzipped.body())).isEqualTo(rendered.body());
    }

    @Test
    void aRequestWithACookieOtherThanTheLanguageIsNeverAnsweredFromTheGuestCache() {
        String path = "/courses/sample-course/basics/first";
        server.get(path);
        HttpResponse<String> personal = server.get(path, "Cookie", "lang=nl; lectern_session=abc");
        assertThat(personal.statusCode()).isEqualTo(200);
        assertThat(personal.body()).contains("Sectie 1 · Hoofdstuk 1");
        assertThat(server.get(path, "Cookie", "lang=nl").body()).contains("Sectie 1 · Hoofdstuk 1");
    }

    private static String gunzip(byte[] bytes) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void stylesScriptsAndWebjarsAreServedCachedAndRevalidatedAndNothingElseOfTheClassPathIs() {
        HttpResponse<String> css = server.get("/static/css/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        String etag = css.headers().firstValue("ETag").orElseThrow();
        assertThat(server.get("/static/css/app.css", "If-None-Match", etag).statusCode())
                .isEqualTo(304);

        HttpResponse<String> webjar = server.get("/webjars/highlightjs/11.11.1/highlight.min.js");
        assertThat(webjar.statusCode()).isEqualTo(200);
        assertThat(webjar.body()).contains("hljs");

        assertThat(server.get("/static/../org/lectern/App.class").statusCode()).isEqualTo(404);
        assertThat(server.get("/static/%2e%2e/org/lectern/App.class").statusCode())
                .isEqualTo(404);
        assertThat(server.get("/webjars/../META-INF/MANIFEST.MF").statusCode()).isEqualTo(404);
        assertThat(server.get("/static/nothing-here.css").statusCode()).isEqualTo(404);
    }
}
