package org.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.testing.DatabaseDigest;
import org.lectern.testing.FixtureQuiz;
import org.lectern.testing.Routes;
import org.lectern.testing.Routes.Route;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * Hostile input at every registered route, as an admin (who passes every access rule) with a valid CSRF token, so
 * each case reaches the handler: malformed, oversized and hostile path values, query strings, form fields (every
 * field name the templates use), JSON and broken bodies. Every answer must be below 500, a 4xx must carry a message
 * and no stack trace, and a 4xx must leave the database exactly as it was. Routes added later are fuzzed too.
 */
class FuzzHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String ADMIN = "fuzz-admin@example.org";
    private static final Pattern FIELD_NAME =
            Pattern.compile("(?:name=\"|forms :: field\\(')([a-zA-Z_][a-zA-Z0-9_]*)[\"']");
    /** Side effects a refused request may rightly have: counting a failed login, auditing it, seeing a session. */
    private static final Set<String> ALLOWED_TO_CHANGE = Set.of("audit_event", "login_throttle");

    /** Long; with every field set to it, {@link #everyField} keeps the body under the 1 MB limit (bigger bodies have their own test). */
    private static final String LONG = "x".repeat(30_000);

    private static final List<String> HOSTILE_VALUES = List.of(
            "",
            " \t\n",
            LONG,
            "\u0000\u0001\u001b[2J",
            "<script>alert(1)</script><img src=x onerror=alert(1)>",
            "' OR '1'='1'; drop table app_user; --",
            "99999999999999999999999999",
            "-1",
            "NaN",
            "\u202e\uD835\uDD4F \uD83D\uDE00 \uFFFF",
            "../../../../etc/passwd",
            "//evil.example/",
            "%00%ff");
    private static final List<String> HOSTILE_PATH_VALUES = List.of(
            "0",
            "-1",
            "99999999999999999999999999",
            "%00",
            "%FF%FE",
            "..%2F..%2Fetc%2Fpasswd",
            "%3Cscript%3E",
            "x".repeat(3_000),
            "%F0%9F%98%80");

    private static TestServer server;
    private static Map<String, String> samples;
    private static List<String> fieldNames;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(
                TestServer.FIXTURE_CONTENT,
                Map.of(
                        // the fuzzer's failed logins must not lock its own account or address
                        "LECTERN_LOGIN_MAX_FAILURES_IP", "1000000",
                        "LECTERN_LOGIN_MAX_FAILURES_ACCOUNT", "1000000"));
        var accounts = server.app().accounts();
        accounts.createUser(ADMIN, "Fuzz Admin", PASSWORD, Role.ADMIN);
        long target = accounts.createUser("fuzz-target@example.org", "Target", PASSWORD, Role.LEARNER)
                .id();
        samples = Map.of(
                "course", "sample-course",
                "section", "basics",
                "chapter", "second",
                "path", "images/diagram.svg",
                "code", "en",
                "id", Long.toString(target),
                "question", Long.toString(FixtureQuiz.question(server, "pick-all")));
        fieldNames = fieldNamesOfTheTemplates();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRouteAnswersHostileInputWithA4xxAndAMessageNeverA500AndWritesNothingHalfway() {
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (Route route : Routes.of(server)) {
            Visitor admin = new Visitor(server).logIn(ADMIN, PASSWORD);
            for (String path : paths(route)) {
                if (!route.safe() && !path.equals(fill(route.pattern(), Map.of()))) {
                    cases++;
                    checkByHand(route, path, admin, wrong);
                    continue;
                }
                for (Case c : cases(route, path, admin)) {
                    cases++;
                    check(route, c, wrong);
                }
            }
        }
        assertThat(cases).as("cases tried").isGreaterThan(300);
        assertThat(wrong).as("hostile requests answered wrongly").isEmpty();
    }

    @Test
    void everyUnsafeRouteRefusesAnOversizedBodyBeforeReadingIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Route route : Routes.of(server)) {
            if (route.safe()) {
                continue;
            }
            Visitor admin = new Visitor(server).logIn(ADMIN, PASSWORD);
            String status = statusLine(route.method(), fill(route.pattern(), Map.of()), admin, 1_500_000, "");
            if (!status.contains(" 413 ")) {
                wrong.add(route + ": " + status);
            }
        }
        assertThat(wrong).as("oversized bodies not refused with 413").isEmpty();
    }

    /**
     * The status line of a form request written by hand, in one write, announcing {@code length} bytes (which may be
     * more than are sent: a 1.5 MB form must be refused on its Content-Length alone). Requests that the server refuses
     * before reading their body go this way: an HTTP client still sending the body races the server closing the
     * connection after its answer, and may never read it.
     */
    private static String statusLine(String method, String path, Visitor visitor, int length, String body)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
            socket.setSoTimeout(10_000);
            String head = method + " " + path + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n"
                    + "Cookie: lectern_session=" + visitor.cookie("lectern_session") + "; lectern_csrf="
                    + visitor.csrfToken() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + length + "\r\n\r\n" + body;
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    /** One hostile request and how to send it. */
    private record Case(String description, HttpRequest request) {}

    /** A form posted to a hostile path, which the server may refuse before it reads the body: by hand. */
    private void checkByHand(Route route, String path, Visitor admin, List<String> wrong) {
        Map<String, String> before = databaseDigest();
        String body = "_csrf=" + admin.csrfToken();
        String status;
        try {
            status = String.valueOf(statusLine(route.method(), path, admin, body.length(), body));
        } catch (IOException e) {
            wrong.add(route + " to " + abbreviate(path) + ": no answer (" + e.getMessage() + ")");
            return;
        }
        if (!status.matches("HTTP/1\\.1 [1-4]\\d\\d .*")) {
            wrong.add(route + " to " + abbreviate(path) + " -> " + status);
        } else if (status.matches("HTTP/1\\.1 4.*")
                && !DatabaseDigest.changed(before, databaseDigest()).isEmpty()) {
            wrong.add(route + " to " + abbreviate(path) + ": refused, yet it changed the database");
        }
    }

    private void check(Route route, Case c, List<String> wrong) {
        Map<String, String> before = databaseDigest();
        HttpResponse<String> answer;
        try {
            answer = server.send(c.request());
        } catch (RuntimeException e) {
            wrong.add(route + " " + c.description() + ": no answer (" + e.getMessage() + ")");
            return;
        }
        int status = answer.statusCode();
        String what = route + " " + c.description() + " -> " + status;
        if (status >= 500) {
            wrong.add(what + ": " + abbreviate(answer.body()));
            return;
        }
        if (status >= 400) {
            if (answer.body().isBlank()) {
                wrong.add(what + ": no message");
            }
            if (answer.body().contains("Exception") || answer.body().contains("\tat org.")) {
                wrong.add(what + ": a stack trace");
            }
            Map<String, String> after = databaseDigest();
            List<String> changed = DatabaseDigest.changed(before, after);
            if (!changed.isEmpty()) {
                wrong.add(what + ": refused, yet it changed " + changed);
            }
        }
    }

    private static List<String> paths(Route route) {
        List<String> paths = new ArrayList<>();
        paths.add(fill(route.pattern(), Map.of()));
        for (String parameter : parameters(route.pattern())) {
            for (String hostile : HOSTILE_PATH_VALUES) {
                paths.add(fill(route.pattern(), Map.of(parameter, hostile)));
            }
        }
        return paths;
    }

    /** The pattern with sample values, or "1" for a parameter no sample names (routes added later), and overrides. */
    private static String fill(String pattern, Map<String, String> overrides) {
        String path = pattern;
        for (String parameter : parameters(pattern)) {
            String value = overrides.getOrDefault(parameter, samples.getOrDefault(parameter, "1"));
            path = path.replace("{" + parameter + "}", value).replace("<" + parameter + ">", value);
        }
        return path;
    }

    private static List<String> parameters(String pattern) {
        return Pattern.compile("[{<]([^}>]+)[}>]")
                .matcher(pattern)
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    private List<Case> cases(Route route, String path, Visitor admin) {
        List<Case> cases = new ArrayList<>();
        boolean samplePath = path.equals(fill(route.pattern(), Map.of()));
        if (route.safe()) {
            cases.add(new Case(
                    "GET " + abbreviate(path), request(path, admin).GET().build()));
            if (samplePath) {
                for (String value : HOSTILE_VALUES.subList(0, 10)) {
                    String query = path + "?" + everyField(value, "");
                    cases.add(new Case(
                            "query " + abbreviate(value),
                            request(query, admin).GET().build()));
                }
            }
            return cases;
        }
        String token = "&_csrf=" + admin.csrfToken();
        cases.add(form(route, path, admin, "an empty form", "_csrf=" + admin.csrfToken()));
        if (!samplePath) {
            return cases;
        }
        for (String value : HOSTILE_VALUES) {
            cases.add(form(route, path, admin, "every field " + abbreviate(value), everyField(value, token)));
        }
        cases.add(form(route, path, admin, "bad percent-encoding", "option=%zz&text=%&%%%=1&clear=%FF%FE" + token));
        cases.add(form(route, path, admin, "a field 20,000 times", "option=1&".repeat(20_000) + token));

        for (String json : List.of(
                "{",
                "[]",
                "null",
                "\"text\"",
                "{\"code\":null,\"stdin\":[],\"source\":7}",
                "{\"code\":123,\"source\":{\"block\":\"x\",\"course\":[]}}",
                "[".repeat(50_000),
                "{\"code\":\"" + "x".repeat(900_000) + "\"}")) {
            cases.add(new Case(
                    "JSON " + abbreviate(json),
                    request(path, admin)
                            .header("Content-Type", "application/json")
                            .header("X-CSRF-Token", admin.csrfToken())
                            .method(route.method(), HttpRequest.BodyPublishers.ofString(json))
                            .build()));
        }
        cases.add(new Case(
                "broken multipart",
                request(path, admin)
                        .header("Content-Type", "multipart/form-data; boundary=zzz")
                        .header("X-CSRF-Token", admin.csrfToken())
                        .method(route.method(), HttpRequest.BodyPublishers.ofString("--zzz\r\nContent-Disp"))
                        .build()));
        return cases;
    }

    private Case form(Route route, String path, Visitor admin, String description, String body) {
        return new Case(
                description + " to " + abbreviate(path),
                request(path, admin)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("HX-Request", "true")
                        .method(route.method(), HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    /** Every field set to {@code value}, cut so the body stays under the 1 MB limit however many fields there are. */
    private static String everyField(String value, String suffix) {
        int room = 900_000 / fieldNames.size();
        String encoded =
                URLEncoder.encode(value.length() > room ? value.substring(0, room) : value, StandardCharsets.UTF_8);
        return fieldNames.stream().map(name -> name + "=" + encoded).collect(Collectors.joining("&")) + suffix;
    }

    private static HttpRequest.Builder request(String path, Visitor visitor) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(30));
        String cookies = Stream.of("lectern_session", "lectern_csrf")
                .filter(name -> visitor.cookie(name) != null)
                .map(name -> name + "=" + visitor.cookie(name))
                .collect(Collectors.joining("; "));
        return builder.header("Cookie", cookies);
    }

    /** Every form field name the templates use: new forms are fuzzed without changing this test. */
    private static List<String> fieldNamesOfTheTemplates() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                FIELD_NAME.matcher(Files.readString(file)).results().forEach(m -> names.add(m.group(1)));
            }
        }
        names.removeAll(Set.of("viewport", "color-scheme", "htmx-config", "csrf-token"));
        // JSON and API fields too, for routes that read form parameters named like them
        names.addAll(List.of("code", "stdin", "source", "next"));
        return List.copyOf(names);
    }

    private static Map<String, String> databaseDigest() {
        return DatabaseDigest.of(server.app().database().dsl(), ALLOWED_TO_CHANGE);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "… (" + flat.length() + " chars)";
    }
}
