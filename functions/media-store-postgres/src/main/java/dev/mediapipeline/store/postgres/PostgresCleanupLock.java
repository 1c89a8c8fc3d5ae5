package dev.mediapipeline.store.postgres;

import dev.mediapipeline.domain.port.CleanupLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link CleanupLock} as a PostgreSQL session-level advisory lock, held on a connection of its own for the whole run.
 *
 * <p>Every instance and region that shares the database contends for the same key, and PostgreSQL releases the lock
 * by itself when the holding session ends, so a killed function can never leave it stuck. The run takes one
 * connection from the pool for the lock: give the clean-up function a pool of at least two.
 */
public final class PostgresCleanupLock implements CleanupLock {

    /** Hashed by PostgreSQL into the 64-bit advisory lock key; ops can find it in pg_locks (objid). */
    static final String LOCK_NAME = "media-pipeline:clean-up-assets";
    private static final String KEY = "hashtextextended('" + LOCK_NAME + "', 0)";
    private static final int VALIDITY_CHECK_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(PostgresCleanupLock.class);

    private final DataSource dataSource;

    public PostgresCleanupLock(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** @throws DataAccessResourceFailureException when the database cannot be reached */
    @Override
    public Optional<Lease> tryAcquire() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (queryBoolean(connection, "SELECT pg_try_advisory_lock(" + KEY + ")")) {
                return Optional.of(new SessionLease(connection));
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException failure) {
            closeQuietly(connection);
            throw new DataAccessResourceFailureException("could not ask PostgreSQL for the clean-up lock", failure);
        }
    }

    private static boolean queryBoolean(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getBoolean(1);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The connection is unusable either way; the pool discards it.
        }
    }

    private static final class SessionLease implements Lease {

        private final Connection connection;
        private boolean closed;

        SessionLease(Connection connection) {
            this.connection = connection;
        }

        @Override
        public boolean isHeld() {
            try {
                return !closed && connection.isValid(VALIDITY_CHECK_SECONDS);
            } catch (SQLException unreachable) {
                return false;
            }
        }

        /**
         * Unlocks before handing the connection back, since a pooled session would otherwise keep the lock. If the
         * session is gone, so is the lock, and the pool discards the broken connection.
         */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!queryBoolean(connection, "SELECT pg_advisory_unlock(" + KEY + ")")) {
                    log.atWarn().log("the clean-up lock was not held at release; the session had been replaced");
                }
            } catch (SQLException lost) {
                log.atWarn().addKeyValue("reason", lost.getMessage())
                        .log("could not release the clean-up lock; its session is gone, which released it");
            } finally {
                closeQuietly(connection);
            }
        }
    }
}
