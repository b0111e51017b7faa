package org.lectern.studio;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** A file upload as a browser form sends it: multipart, with the visitor's session and CSRF token. */
final class Multipart {
    private static final String BOUNDARY = "----lectern-test-boundary";

    private Multipart() {}

    static HttpResponse<String> post(
            TestServer server, Visitor visitor, String path, String field, String filename, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String token = visitor.csrfToken();
        return TestServer.send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(server.url(path)))
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .header(
                                "Cookie",
                                "lectern_session=" + visitor.cookie("lectern_session") + "; lectern_csrf=" + token)
                        .header("X-CSRF-Token", token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build());
    }
}
