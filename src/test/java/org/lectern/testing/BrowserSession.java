package org.lectern.testing;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lectern.accounts.Role;
import org.lectern.accounts.pages.LoginPage;

/**
 * A real server and a real Chromium for one browser test class: started before its tests, a screenshot of the
 * page kept after each test (in target/screenshots), both closed afterwards whatever happened.
 *
 * <pre>{@code @RegisterExtension static final BrowserSession session = BrowserSession.on(TestServer.FIXTURE_CONTENT);}</pre>
 */
public final class BrowserSession implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final Path content;
    private final Map<String, String> env;
    private static final String PASSWORD = "a long and unusual passphrase";
    private TestServer server;
    private Browser browser;
    private int signedIn;

    private BrowserSession(Path content, Map<String, String> env) {
        this.content = content;
        this.env = Map.copyOf(env);
    }

    public static BrowserSession on(Path content) {
        return on(content, Map.of());
    }

    /** @param env settings on top of the test defaults, e.g. a lower login throttle */
    public static BrowserSession on(Path content, Map<String, String> env) {
        return new BrowserSession(content, env);
    }

    public TestServer server() {
        return server;
    }

    public Browser browser() {
        return browser;
    }

    /**
     * Starts each test as a new learner: a fresh desktop-sized window without cookies, an account made for it, and
     * a real login through the login page that lands on {@code path}.
     */
    public void signInNewLearner(String name, String path) {
        signInNew(Role.LEARNER, name, path);
    }

    /** {@link #signInNewLearner} for someone with another role, e.g. an author who lands in the studio. */
    public void signInNew(Role role, String name, String path) {
        browser.resize(Browser.DESKTOP);
        browser.driver().manage().deleteAllCookies();
        int number = ++signedIn;
        String email = name.toLowerCase(java.util.Locale.ROOT) + number + "@example.org";
        server.app().accounts().createUser(email, name + " " + number, PASSWORD, role);
        LoginPage.open(browser, server.url("/login?next=" + path))
                .fill(email, PASSWORD)
                .submit();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start(content, env);
        browser = Browser.open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        browser.screenshot(Path.of(
                "target/screenshots",
                context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + ".png"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
