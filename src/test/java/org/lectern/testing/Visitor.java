package org.lectern.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One browser's worth of HTTP against a {@link TestServer}: its own cookies, and forms sent with the CSRF token. */
public final class Visitor {
    private final TestServer server;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public Visitor(TestServer server) {
        this.server = server;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies)
                .build();
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    /** Posts a form with the CSRF token this visitor's cookie holds (fetching a form page first when needed). */
    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", csrfToken());
        return postWithoutToken(path, withToken, headers);
    }

    /** Posts form fields in order, a name possibly repeated (checkboxes, Parsons lines), with the CSRF token. */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields, String... headers) {
        List<Map.Entry<String, String>> withToken = new ArrayList<>(fields);
        withToken.add(Map.entry("_csrf", csrfToken()));
        return submitFields("POST", path, withToken, headers);
    }

    public HttpResponse<String> postWithoutToken(String path, Map<String, String> form, String... headers) {
        return submit("POST", path, form, headers);
    }

    /** A form sent with any method (POST, PUT, DELETE, …), exactly as given: add {@code _csrf} yourself. */
    public HttpResponse<String> submit(String method, String path, Map<String, String> form, String... headers) {
        return submitFields(method, path, List.copyOf(form.entrySet()), headers);
    }

    private HttpResponse<String> submitFields(
            String method, String path, List<Map.Entry<String, String>> form, String... headers) {
        String body = form.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public String csrfToken() {
        String token = cookie("lectern_csrf");
        if (token == null) {
            get("/password/forgot");
            token = cookie("lectern_csrf");
        }
        return token;
    }

    /** Logs in and checks it worked: a redirect and a session cookie. */
    public Visitor logIn(String email, String password) {
        HttpResponse<String> answer = post("/login", Map.of("email", email, "password", password));
        assertThat(answer.statusCode())
                .as("login of %s: %s", email, answer.body())
                .isEqualTo(302);
        assertThat(cookie("lectern_session")).isNotNull();
        return this;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name) && !c.hasExpired())
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    public void setCookie(String name, String value) {
        URI site = URI.create(server.url("/"));
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        // The same domain the store gives the server's cookies, so this one replaces theirs and theirs replace it.
        cookie.setDomain(site.getHost());
        cookies.getCookieStore().add(site, cookie);
    }

    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        return TestServer.send(http, request);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
