package org.lectern.accounts;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import org.jooq.DSLContext;
import org.lectern.config.Config;
import org.lectern.web.Access;
import org.lectern.web.Cookies;
import org.lectern.web.Csrf;
import org.lectern.web.Flash;
import org.lectern.web.Renderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts feature, wired: sign-up, login, sessions, password changes and resets, the admin screens, and the
 * access gate every route passes. Other features use {@link #currentUser()}.
 */
public final class Accounts {
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private final DSLContext dsl;
    private final Config.Accounts config;
    private final Flash flash;
    private final Sessions sessions;
    private final CurrentUser currentUser;
    private final AccessGate gate;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;
    private final UserAdministration administration;

    public Accounts(DSLContext dsl, Config.Accounts config, Cookies cookies, Csrf csrf, Flash flash, Clock clock) {
        this.dsl = dsl;
        this.config = config;
        this.flash = flash;
        this.clock = clock;
        this.sessions = new Sessions(dsl, config, cookies, csrf, clock);
        this.currentUser = new CurrentUser(sessions);
        this.gate = new AccessGate(currentUser);
        this.hasher = new PasswordHasher(config.hashing());
        this.policy = new PasswordPolicy(config.hashing().minPasswordLength());
        this.audit = new AuditLog(dsl, clock);
        this.administration = new UserAdministration(dsl, hasher, policy, audit, clock);
    }

    /** Who is asking: for handlers, templates and other features (the runner identifies callers with it). */
    public CurrentUser currentUser() {
        return currentUser;
    }

    /** Runs before every matched route: refuses the request unless the route's {@link Access} rule allows it. */
    public void checkAccess(Context ctx) {
        gate.check(ctx);
    }

    /** The accounts' routes, each with its access rule. */
    public void addRoutes(JavalinConfig web, Renderer renderer) {
        FormPages pages = new FormPages(renderer);
        AccountService service = new AccountService(dsl, hasher, policy, audit, clock);
        Authenticator authenticator =
                new Authenticator(dsl, hasher, new LoginThrottle(dsl, config.throttle(), clock), audit);
        Mailer mailer = config.smtp().configured() ? new SmtpMailer(config.smtp()) : new LogMailer();
        PasswordResets resets = new PasswordResets(dsl, hasher, policy, mailer, renderer.messages(), audit, clock);
        var login = new LoginController(authenticator, sessions, currentUser, audit, pages, flash);
        var account = new AccountController(service, sessions, currentUser, pages, flash);
        var reset = new PasswordResetController(resets, service, config, pages, flash);
        var admin = new AdminController(administration, currentUser, pages, flash);

        var routes = web.routes;
        routes.get("/login", login::form, Access.ANYONE);
        routes.post("/login", login::login, Access.ANYONE);
        routes.post("/logout", login::logout, Access.ANYONE);
        routes.get("/signup", account::signupForm, Access.ANYONE);
        routes.post("/signup", account::signup, Access.ANYONE);
        routes.get("/password/forgot", reset::forgotForm, Access.ANYONE);
        routes.post("/password/forgot", reset::forgot, Access.ANYONE);
        routes.get("/password/reset", reset::resetForm, Access.ANYONE);
        routes.post("/password/reset", reset::reset, Access.ANYONE);
        routes.get("/account", account::show, Access.SIGNED_IN);
        routes.post("/account/password", account::changePassword, Access.SIGNED_IN);
        routes.get("/admin/users", admin::users, Access.ADMIN);
        routes.post("/admin/users/{id}/role", admin::changeRole, Access.ADMIN);
        routes.post("/admin/users/{id}/status", admin::changeStatus, Access.ADMIN);
        routes.get("/admin/audit", admin::audit, Access.ADMIN);
    }

    /**
     * Creates (or promotes) an admin, for {@code create-admin} on the command line.
     *
     * @throws IllegalArgumentException with the reason when the email or password is refused
     */
    public User createAdmin(String email, String displayName, String password, String origin) {
        try {
            return administration.createAdmin(Emails.normalize(email), displayName, password, origin);
        } catch (InvalidInput refused) {
            throw new IllegalArgumentException(refused.field() + " refused (" + refused.messageKey() + ")", refused);
        }
    }

    /**
     * Creates an account with a role directly, for seeding and for other features' tests.
     *
     * @throws IllegalArgumentException when the email is taken or malformed, or the password refused
     */
    public User createUser(String email, String displayName, String password, Role role) {
        try {
            return new AccountService(dsl, hasher, policy, audit, clock)
                    .signUp(Emails.normalize(email), displayName, password, role, null);
        } catch (InvalidInput refused) {
            throw new IllegalArgumentException(refused.field() + " refused (" + refused.messageKey() + ")", refused);
        }
    }

    /** On start: LECTERN_ADMIN_EMAIL and LECTERN_ADMIN_PASSWORD make the first admin when there is none yet. */
    public void bootstrapAdmin() {
        if (config.adminEmail().isEmpty() || administration.hasAdmin()) {
            return;
        }
        if (config.adminPassword().isEmpty()) {
            log.warn("LECTERN_ADMIN_EMAIL is set but LECTERN_ADMIN_PASSWORD is not: no admin was created");
            return;
        }
        User admin = createAdmin(config.adminEmail(), "", config.adminPassword(), "environment");
        log.info("Created the first admin, {}, from LECTERN_ADMIN_EMAIL", admin.email());
    }
}
