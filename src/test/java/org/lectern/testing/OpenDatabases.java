package org.lectern.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lectern.config.Config;
import org.lectern.db.Database;

/**
 * Fresh, migrated databases for a test, closed after it (a PostgreSQL one's schema dropped too):
 * {@code @RegisterExtension final OpenDatabases databases = new OpenDatabases();} then
 * {@code databases.open(kind, dataDir)} in a test parameterized over {@link TestDatabase}.
 */
public final class OpenDatabases implements AfterEachCallback {
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** A new database of {@code kind}, migrated, with {@code dataDir} as Lectern's data folder. */
    public Database open(TestDatabase kind, Path dataDir) {
        TestDatabase.Handle handle = kind.create(dataDir);
        opened.push(handle);
        Database database = Database.open(
                handle.config(),
                Config.fromMap(Map.of("LECTERN_DATA_DIR", dataDir.toString())).server());
        opened.push(database);
        return database;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }
}
