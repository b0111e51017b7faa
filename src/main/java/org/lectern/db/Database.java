package org.lectern.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.lectern.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool, the migrations and the jOOQ context, for H2 or PostgreSQL alike. */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final SQLDialect dialect;

    private Database(HikariDataSource dataSource, SQLDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED);
        this.dsl = DSL.using(dataSource, dialect, settings);
    }

    /**
     * Opens the pool and brings the schema up to date with the migrations.
     *
     * @throws DatabaseUnavailableException when no connection can be made
     */
    public static Database open(Config.Database config, Config.Server server) {
        if (config.isH2()) {
            createDataDir(server.dataDir());
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("lectern-db");
        hikari.setConnectionTimeout(5_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw new DatabaseUnavailableException(e);
        }
        try {
            migrate(dataSource, server);
            return new Database(dataSource, config.isH2() ? SQLDialect.H2 : SQLDialect.POSTGRES);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static void migrate(DataSource dataSource, Config.Server server) {
        // In dev mode the migrations are read from the working tree, like templates and static files.
        Path devMigrations = server.devRoot().resolve("migrations");
        String location = server.devMode() && Files.isDirectory(devMigrations)
                ? "filesystem:" + devMigrations.toAbsolutePath()
                : "classpath:db/migration";
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations(location)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info(
                    "Applied {} migration(s); schema is at version {}",
                    result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
    }

    private static void createDataDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "Cannot create the data folder " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** True when the database answers a trivial query within a second. */
    public boolean isHealthy() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
