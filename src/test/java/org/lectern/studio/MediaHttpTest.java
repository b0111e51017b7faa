package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** Images uploaded in the studio: checked, kept in the draft, shown in the preview, published with a chapter. */
class MediaHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String COURSE = "/studio/courses/sample-course";
    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
        server.app().accounts().createUser("ann@example.org", "Ann Author", PASSWORD, Role.AUTHOR);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUploadedImageIsPreviewedThenPublishedWithItsChapterAndServedWithCaching() {
        Visitor ann = new Visitor(server).logIn("ann@example.org", PASSWORD);
        assertThat(Multipart.post(server, ann, COURSE + "/media", "file", "Pool Diagram.PNG", PNG)
                        .statusCode())
                .isEqualTo(302);
        assertThat(ann.get(COURSE).body()).contains("![what it shows](../images/pool-diagram.png)");
        HttpResponse<String> draft = ann.get(COURSE + "/media/pool-diagram.png");
        assertThat(draft.statusCode()).isEqualTo(200);
        String etag = draft.headers().firstValue("ETag").orElseThrow();
        assertThat(ann.get(COURSE + "/media/pool-diagram.png", "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);

        String chapter = COURSE + "/chapters/more/third";
        String text = "---\ntitle: The third chapter\n---\n![A pool of workers](../images/pool-diagram.png)\n";
        assertThat(ann.post(chapter + "/preview", Map.of("text", text)).body())
                .contains("src=\"/studio/courses/sample-course/media/pool-diagram.png\"");
        Matcher base = Pattern.compile("id=\"base\" value=\"([0-9a-f]*)\"")
                .matcher(ann.get(chapter).body());
        assertThat(base.find()).isTrue();
        ann.post(chapter, Map.of("text", text, "base", base.group(1)));
        assertThat(ann.post(chapter + "/publish", Map.of()).statusCode()).isEqualTo(302);

        HttpResponse<String> published =
                new Visitor(server).get("/courses/sample-course/assets/images/pool-diagram.png");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.headers().firstValue("Cache-Control")).contains("public, max-age=3600");
        assertThat(published.headers().firstValue("Content-Type")).contains("image/png");
    }

    @Test
    void imagesOfTheWrongKindOrNameAreRefusedWithTheReason() {
        Visitor ann = new Visitor(server).logIn("ann@example.org", PASSWORD);
        HttpResponse<String> exe = Multipart.post(server, ann, COURSE + "/media", "file", "tool.exe", PNG);
        assertThat(exe.statusCode()).isEqualTo(422);
        assertThat(exe.body()).contains("Only PNG, JPEG, GIF, WebP and SVG images can be uploaded.");
        HttpResponse<String> fake = Multipart.post(
                server, ann, COURSE + "/media", "file", "photo.jpg", "not a jpeg".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.statusCode()).isEqualTo(422);
        assertThat(fake.body()).contains("The file is not the kind of image its name says.");
        HttpResponse<String> odd = Multipart.post(server, ann, COURSE + "/media", "file", "a..b.png", PNG);
        assertThat(odd.statusCode()).isEqualTo(422);
        assertThat(ann.get(COURSE + "/media/nothing.png").statusCode()).isEqualTo(404);
        assertThat(ann.get(COURSE).body()).doesNotContain("tool.exe", "photo.jpg");
    }
}
