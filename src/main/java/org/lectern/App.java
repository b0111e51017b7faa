package org.lectern;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.lectern.accounts.Accounts;
import org.lectern.analytics.Analytics;
import org.lectern.ask.AskModule;
import org.lectern.challenge.ChallengeController;
import org.lectern.challenge.ChallengeSections;
import org.lectern.challenge.Challenges;
import org.lectern.config.Config;
import org.lectern.config.ConfigException;
import org.lectern.content.Catalog;
import org.lectern.content.ContentException;
import org.lectern.content.ContentImporter;
import org.lectern.content.ContentLoader;
import org.lectern.content.CourseController;
import org.lectern.content.CourseExporter;
import org.lectern.content.PageAdditions;
import org.lectern.db.Database;
import org.lectern.feedback.FeedbackController;
import org.lectern.progress.Progress;
import org.lectern.progress.ProgressController;
import org.lectern.quiz.Quiz;
import org.lectern.quiz.QuizController;
import org.lectern.runner.RunCaller;
import org.lectern.runner.RunnerModule;
import org.lectern.studio.Studio;
import org.lectern.web.Access;
import org.lectern.web.Cookies;
import org.lectern.web.Csrf;
import org.lectern.web.ErrorPages;
import org.lectern.web.Flash;
import org.lectern.web.GuestPageHandler;
import org.lectern.web.Health;
import org.lectern.web.Messages;
import org.lectern.web.Metrics;
import org.lectern.web.PageCache;
import org.lectern.web.ProxyHeaders;
import org.lectern.web.Renderer;
import org.lectern.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lectern, wired from a {@link Config}: {@link #main} starts it, and tests build it the same way. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);
    public static final String VERSION = readVersion();

    private final Config config;
    private final Database database;
    private final Catalog catalog;
    private final ContentLoader content;
    private final CourseExporter exporter;
    private final Studio studio;
    private final Accounts accounts;
    private final RunnerModule runner;
    private final Progress learnersProgress;
    private final Javalin server;

    private App(Config config) {
        this.config = config;
        this.database = Database.open(config.database(), config.server());
        try {
            this.catalog = new Catalog(database.dsl());
            this.content = new ContentLoader(new ContentImporter(database.dsl()), catalog);
            this.exporter = new CourseExporter(database.dsl());
            Messages messages = config.server().devMode()
                    ? Messages.fromDirectory(config.server().devRoot())
                    : Messages.fromClasspath();
            Cookies cookies = new Cookies(config.accounts().secureCookies());
            Csrf csrf = new Csrf(cookies);
            Flash flash = new Flash(cookies);
            this.accounts = new Accounts(database.dsl(), config.accounts(), cookies, csrf, flash, Clock.systemUTC());
            var currentUser = accounts.currentUser();
            byte[] guestSalt = new byte[16];
            new SecureRandom().nextBytes(guestSalt);
            Metrics metrics = new Metrics(config.runners().metricsToken());
            Function<Context, RunCaller> callers = ctx -> currentUser
                    .userId(ctx)
                    .map(RunCaller::learner)
                    .orElseGet(() -> RunCaller.guestAt(ctx.ip(), guestSalt));
            this.runner =
                    new RunnerModule(config.runner(), config.runners(), database.dsl(), callers, metrics.registry());
            Renderer renderer = new Renderer(
                    messages,
                    config.server().devMode(),
                    config.server().devRoot(),
                    VERSION,
                    csrf.and(flash).and(currentUser).and(runner.pageModel()));
            ErrorPages errors = new ErrorPages(renderer);
            Health health = new Health(database::isHealthy, VERSION, runner::health);
            // Guests share cached pages; a signed-in person (or one with a flash message) gets their own.
            PageCache pages = new PageCache(
                    catalog::version,
                    !config.server().devMode(),
                    ctx -> flash.pending(ctx) || currentUser.signedIn(ctx));
            QuizController quiz = new QuizController(
                    new Quiz(database.dsl(), Clock.systemUTC(), catalog::version),
                    catalog,
                    renderer,
                    currentUser,
                    pages,
                    csrf::token);
            FeedbackController feedback =
                    new FeedbackController(database.dsl(), catalog, renderer, currentUser, Clock.systemUTC());
            this.learnersProgress = new Progress(database.dsl(), catalog, Clock.systemUTC());
            ProgressController progress = new ProgressController(learnersProgress, catalog, renderer, currentUser);
            AskModule ask = new AskModule(config.ask(), database.dsl(), catalog, currentUser, Clock.systemUTC());
            content.whenPublished(ask::rebuildIndex);
            Challenges challengeChecks = new Challenges(database.dsl(), runner.programs(), catalog::version);
            ChallengeController challenges = new ChallengeController(
                    challengeChecks, catalog, currentUser, messages, callers, new ChallengeSections(renderer, pages));
            CourseController courses = new CourseController(
                    catalog,
                    renderer,
                    pages,
                    currentUser::signedIn,
                    PageAdditions.all(List.of(quiz, challenges, feedback, progress, ask)));
            this.studio = new Studio(
                    database.dsl(),
                    content,
                    exporter,
                    renderer,
                    currentUser,
                    flash,
                    config.server().dataDir().resolve("imports"),
                    challengeChecks);
            Analytics analytics = new Analytics(database.dsl(), catalog, renderer);
            GuestPageHandler fastPath =
                    new GuestPageHandler(pages, config.accounts().trustProxy(), metrics::cachedPage);
            this.server = WebServer.create(config.server(), errors, fastPath, web -> {
                if (config.accounts().trustProxy()) {
                    ProxyHeaders.trust(web);
                }
                // Before any handler: first the request must come from our own pages, then the route's rule.
                web.routes.beforeMatched(csrf::verify);
                web.routes.beforeMatched(accounts::checkAccess);
                WebServer.addCommonRoutes(web, health);
                metrics.install(web);
                web.routes.get("/", courses::catalog, Access.ANYONE);
                web.routes.get("/courses/{course}", courses::course, Access.ANYONE);
                web.routes.get("/courses/{course}/assets/<path>", courses::asset, Access.ANYONE);
                web.routes.get("/courses/{course}/{section}/{chapter}", courses::chapter, Access.ANYONE);
                web.routes.post(
                        "/courses/{course}/{section}/{chapter}/questions/{question}", quiz::answer, Access.SIGNED_IN);
                web.routes.post("/courses/{course}/{section}/{chapter}/feedback", feedback::save, Access.SIGNED_IN);
                web.routes.post("/courses/{course}/{section}/{chapter}/read", progress::markRead, Access.SIGNED_IN);
                web.routes.get("/me", progress::dashboard, Access.SIGNED_IN);
                accounts.addRoutes(web, renderer);
                analytics.addRoutes(web);
                runner.addRoutes(web.routes);
                ask.addRoutes(web, renderer);
                challenges.addRoutes(web.routes);
                studio.addRoutes(web.routes);
            });
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Builds the application: opens the database, migrates it and imports changed content. Does not listen yet. */
    public static App create(Config config) {
        App app = new App(config);
        try {
            app.accounts.bootstrapAdmin();
        } catch (IllegalArgumentException refused) {
            app.close();
            throw new ConfigException("LECTERN_ADMIN_EMAIL / LECTERN_ADMIN_PASSWORD: " + refused.getMessage());
        }
        if (config.content().importOnStart()) {
            app.importChangedContent();
        }
        return app;
    }

    private void importChangedContent() {
        try {
            studio.folderImport().importAtStart(config.content().dir());
        } catch (ContentException e) {
            // Keep serving what was imported before: a typo in a file must not take the site down.
            log.error("Content was not imported, the previous version stays online: {}", e.getMessage());
        }
    }

    public App start() {
        server.start(config.server().host(), config.server().port());
        return this;
    }

    public int port() {
        return server.port();
    }

    public ContentLoader content() {
        return content;
    }

    public Studio studio() {
        return studio;
    }

    public Catalog catalog() {
        return catalog;
    }

    public CourseExporter exporter() {
        return exporter;
    }

    public Database database() {
        return database;
    }

    public Accounts accounts() {
        return accounts;
    }

    /** Every HTTP route with the access rules it declares, as Javalin registered them (for the access tests). */
    public java.util.List<io.javalin.router.Endpoint> routes() {
        return server.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .toList();
    }

    public RunnerModule runner() {
        return runner;
    }

    @Override
    public void close() {
        server.stop();
        runner.close();
        learnersProgress.close();
        database.close();
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err).run(args));
    }

    private static String readVersion() {
        try (InputStream in = App.class.getResourceAsStream("/lectern.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
