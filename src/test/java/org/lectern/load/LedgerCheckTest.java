package org.lectern.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.APP_USER;
import static org.lectern.db.schema.Tables.CHALLENGE;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.analytics.AnalyticsFixture;
import org.lectern.config.Config;
import org.lectern.content.Catalog;
import org.lectern.content.ContentImporter;
import org.lectern.content.ContentLoader;
import org.lectern.db.Database;
import org.lectern.testing.TestDatabase;
import org.lectern.testing.TestServer;

/** The load and crash tests' check of stored challenge submissions finds each way a check can go astray. */
class LedgerCheckTest {
    private static final String ANN = "ann@load.example";
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path dataDir;

    private Database database;
    private DSLContext db;
    private AnalyticsFixture rows;
    private long challenge;
    private long ann;
    private final Ledger ledger = new Ledger();

    @BeforeEach
    void open() {
        database = Database.open(
                TestDatabase.H2.create(dataDir).config(),
                Config.fromMap(Map.of("LECTERN_DATA_DIR", dataDir.toString())).server());
        db = database.dsl();
        new ContentLoader(new ContentImporter(db), new Catalog(db)).importAll(TestServer.FIXTURE_CONTENT);
        challenge = db.select(CHALLENGE.ID).from(CHALLENGE).fetchOne(CHALLENGE.ID);
        ann = db.insertInto(APP_USER)
                .set(APP_USER.EMAIL, ANN)
                .set(APP_USER.DISPLAY_NAME, "Ann")
                .set(APP_USER.PASSWORD_HASH, "x")
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
        rows = new AnalyticsFixture(db);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void sent(int times) {
        for (int i = 0; i < times; i++) {
            ledger.checkSent(ANN, challenge);
        }
    }

    @Test
    void acknowledgedChecksStoredOnceAndNumberedInTurnAreFine() {
        sent(3);
        ledger.checkAcknowledged(ANN, challenge, 1, false);
        ledger.checkAcknowledged(ANN, challenge, 2, true);
        rows.submission(challenge, ann, 1, false, AT);
        rows.submission(challenge, ann, 2, true, AT);
        // the third was stored, but the server died before its verdict went out
        rows.submission(challenge, ann, 3, false, AT);

        assertThat(LedgerCheck.problems(ledger, db)).isEmpty();
    }

    @Test
    void anAcknowledgedCheckMissingIsLost() {
        sent(2);
        ledger.checkAcknowledged(ANN, challenge, 1, false);
        ledger.checkAcknowledged(ANN, challenge, 2, true);
        rows.submission(challenge, ann, 1, false, AT);

        assertThat(LedgerCheck.problems(ledger, db))
                .containsExactly("lost check of " + ANN + " " + challenge + ": attempt 2 acknowledged");
    }

    @Test
    void aGapInTheAttemptNumbersIsFound() {
        sent(2);
        rows.submission(challenge, ann, 1, false, AT);
        rows.submission(challenge, ann, 3, false, AT);

        assertThat(LedgerCheck.problems(ledger, db))
                .containsExactly("checks of " + ANN + " " + challenge + " not numbered 1 to 2: [1, 3]");
    }

    @Test
    void moreStoredThanSentOrNeverSentIsFound() {
        sent(1);
        rows.submission(challenge, ann, 1, false, AT);
        rows.submission(challenge, ann, 2, false, AT);
        assertThat(LedgerCheck.problems(ledger, db))
                .containsExactly("duplicated checks of " + ANN + " " + challenge + ": 1 sent, 2 stored");

        assertThat(LedgerCheck.problems(new Ledger(), db))
                .containsExactly("checks of " + ANN + " " + challenge + " stored but never sent");
    }

    @Test
    void aVerdictStoredOtherwiseThanToldIsFound() {
        sent(1);
        ledger.checkAcknowledged(ANN, challenge, 1, true);
        rows.submission(challenge, ann, 1, false, AT);

        assertThat(LedgerCheck.problems(ledger, db))
                .containsExactly(
                        "check of " + ANN + " " + challenge + ", attempt 1: told passed=true, stored passed=false");
    }
}
