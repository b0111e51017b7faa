package org.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.testing.TestFiles;
import org.lectern.testing.TestServer;

/** With LECTERN_DEV, templates, static files and bundles come from the working tree: edits show at once. */
class DevModeHttpTest {
    @TempDir
    Path tree;

    @Test
    void editsToTemplatesStaticFilesAndMessagesShowWithoutARebuild() throws Exception {
        TestFiles.copyTree(Path.of("templates"), tree.resolve("templates"));
        TestFiles.copyTree(Path.of("static"), tree.resolve("static"));
        TestFiles.copyTree(Path.of("migrations"), tree.resolve("migrations"));
        try (TestServer server = TestServer.start(
                TestServer.FIXTURE_CONTENT, Map.of("LECTERN_DEV", "true", "LECTERN_DEV_ROOT", tree.toString()))) {
            assertThat(server.get("/static/css/app.css").statusCode()).isEqualTo(200);
            assertThat(server.get("/").body()).contains("Learn by running real code");

            Files.writeString(tree.resolve("static/css/app.css"), "body { color: red; }");
            Path bundle = tree.resolve("templates/i18n/messages.properties");
            Files.writeString(
                    bundle,
                    Files.readString(bundle)
                            .replace("catalog.heading=Learn by running real code", "catalog.heading=Edited heading"));

            assertThat(server.get("/static/css/app.css").body()).isEqualTo("body { color: red; }");
            assertThat(server.get("/lang/en").statusCode()).isEqualTo(302);
            assertThat(server.get("/courses/unknown").statusCode()).isEqualTo(404);
            assertThat(server.get("/no-such-page", "Accept", "text/html").body())
                    .contains("Page not found");
            assertThat(server.get("/courses/sample-course/more/third").statusCode())
                    .isEqualTo(200);
            assertThat(server.get("/").body())
                    .as("pages are rendered anew in dev mode")
                    .contains("Edited heading");
        }
    }
}
