package org.lectern.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real server once per database kind, for HTTP tests parameterized over {@link TestDatabase}: each kind's server
 * starts on first use, on a fresh database of that kind, and {@link #close} stops them all and drops the databases.
 */
public final class ServerPerDatabase implements AutoCloseable {
    private final Path content;
    private final Map<String, String> settings;
    private final Map<TestDatabase, TestServer> servers = new EnumMap<>(TestDatabase.class);
    private final List<TestDatabase.Handle> databases = new ArrayList<>();

    /** @param settings environment variables on top of the test defaults */
    public ServerPerDatabase(Path content, Map<String, String> settings) {
        this.content = content;
        this.settings = settings;
    }

    public synchronized TestServer on(TestDatabase kind) {
        return servers.computeIfAbsent(kind, k -> {
            try {
                TestDatabase.Handle db = k.create(Files.createTempDirectory("lectern-db-"));
                databases.add(db);
                Map<String, String> env = new HashMap<>(settings);
                env.put("DATABASE_URL", db.config().url());
                env.put("DATABASE_USER", db.config().user());
                env.put("DATABASE_PASSWORD", db.config().password());
                return TestServer.start(content, env);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public synchronized void close() {
        servers.values().forEach(TestServer::close);
        databases.forEach(TestDatabase.Handle::close);
    }
}
