package org.lectern.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lectern.config.Config;
import org.lectern.testing.OpenDatabases;
import org.lectern.testing.TestDatabase;

/** The accounts' SQL against a fresh H2 and a fresh PostgreSQL schema: the same statements must work on both. */
class AccountsDatabaseIntegrationTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dataDir;

    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    private DSLContext open(TestDatabase kind) {
        return databases.open(kind, dataDir).dsl();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void usersAreFoundByEmailAndSearchedByNameOrEmailIgnoringCase(TestDatabase kind) {
        UserRepository users = new UserRepository(open(kind));
        long ann = users.insert("ann@example.org", "Ann Lovelace", "hash-a", Role.LEARNER, NOW);
        users.insert("bob@example.org", "Bob", "hash-b", Role.ADMIN, NOW);
        assertThat(users.credentials("ann@example.org")).hasValueSatisfying(c -> {
            assertThat(c.user()).isEqualTo(new User(ann, "ann@example.org", "Ann Lovelace", Role.LEARNER));
            assertThat(c.passwordHash()).isEqualTo("hash-a");
            assertThat(c.disabled()).isFalse();
        });
        assertThat(users.emailTaken("ann@example.org")).isTrue();
        assertThat(users.search("LOVE", 10))
                .extracting(UserRepository.Summary::email)
                .containsExactly("ann@example.org");
        assertThat(users.search("EXAMPLE.ORG", 10)).hasSize(2);
        users.touch(ann, NOW.plusSeconds(60));
        assertThat(users.search("", 10).get(0).lastSeenAt().toInstant()).isEqualTo(NOW.plusSeconds(60));
        assertThat(users.activeAdmins()).isEqualTo(1);
        users.updateRole(ann, Role.ADMIN);
        users.setDisabled(ann, NOW);
        assertThat(users.activeAdmins()).isEqualTo(1);
        assertThat(users.credentials(ann).orElseThrow().disabled()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sessionsAreFoundByTokenHashOnlyWhileTheirOwnerIsEnabled(TestDatabase kind) {
        DSLContext dsl = open(kind);
        long ann = new UserRepository(dsl).insert("ann@example.org", "Ann", "h", Role.LEARNER, NOW);
        SessionRepository sessions = new SessionRepository(dsl);
        sessions.insert("a".repeat(64), ann, true, NOW, NOW.plus(Duration.ofDays(30)), "127.0.0.1", "x".repeat(400));
        sessions.insert("b".repeat(64), ann, false, NOW, NOW.plusSeconds(1), null, null);
        var found = sessions.find("a".repeat(64)).orElseThrow();
        assertThat(found.user().email()).isEqualTo("ann@example.org");
        assertThat(found.persistent()).isTrue();
        assertThat(found.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        sessions.deleteExpired(NOW.plusSeconds(5));
        assertThat(sessions.find("b".repeat(64))).isEmpty();
        new UserRepository(dsl).setDisabled(ann, NOW);
        assertThat(sessions.find("a".repeat(64))).isEmpty();
        assertThat(Sessions.endAllOf(dsl, ann)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void throttleWindowsAreCreatedOnFirstFailureAndUpdatedInPlace(TestDatabase kind) {
        DSLContext dsl = open(kind);
        var limits = new Config.Throttle(2, 10, Duration.ofMinutes(15), Duration.ofMinutes(15));
        LoginThrottle throttle = new LoginThrottle(dsl, limits, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        assertThat(throttle.recordFailure("ann@example.org", "10.0.0.1")).isFalse();
        assertThat(throttle.wait("ann@example.org", "10.0.0.1")).isZero();
        assertThat(throttle.recordFailure("ann@example.org", "10.0.0.1")).isTrue();
        assertThat(throttle.wait("ann@example.org", "10.0.0.2")).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.wait("bob@example.org", "10.0.0.1")).isZero();
        throttle.recordSuccess("ann@example.org");
        assertThat(throttle.wait("ann@example.org", "10.0.0.1")).isZero();
        List<ThrottleWindow> ip = new ThrottleRepository(dsl).find(List.of(LoginThrottle.ipKey("10.0.0.1")));
        assertThat(ip).singleElement().extracting(ThrottleWindow::failures).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theAuditLogNamesActorAndSubjectNewestFirst(TestDatabase kind) {
        DSLContext dsl = open(kind);
        UserRepository users = new UserRepository(dsl);
        long admin = users.insert("root@example.org", "Root", "h", Role.ADMIN, NOW);
        long ann = users.insert("ann@example.org", "Ann", "h", Role.LEARNER, NOW);
        AuditRepository audit = new AuditRepository(dsl);
        audit.append(new AuditRepository.Event(AuditKind.LOGIN_FAILED, null, null, "who@x.org", "1.2.3.4", ""), NOW);
        audit.append(new AuditRepository.Event(AuditKind.ROLE_CHANGED, admin, ann, null, null, "a -> b"), NOW);
        var entries = audit.latest(null, 10);
        assertThat(entries).extracting(AuditRepository.Entry::kind).containsExactly("role_changed", "login_failed");
        assertThat(entries.get(0).actorName()).isEqualTo("Root");
        assertThat(entries.get(0).subjectEmail()).isEqualTo("ann@example.org");
        assertThat(entries.get(1).email()).isEqualTo("who@x.org");
        assertThat(audit.latest(entries.get(0).id(), 10)).hasSize(1);
    }
}
