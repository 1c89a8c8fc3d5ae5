package dev.mediapipeline.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Duration;

/** Connection pools sized for functions, which serve one request at a time per instance. */
public final class DataSources {

    private DataSources() {
    }

    /**
     * A small HikariCP pool. It connects lazily: an unreachable database fails the first request (which the
     * platform retries) instead of the cold start. Close it when the runtime shuts down.
     *
     * @param maxPoolSize at least 1; the repositories here use one connection per call, so 1 or 2 is enough
     */
    public static HikariDataSource hikari(String jdbcUrl, String user, String password, int maxPoolSize) {
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("media-store");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        // An idle instance keeps no connection open, so frozen or scaled-in instances do not exhaust the server.
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        // Well under the shortest function timeout, so a dead database ends as a retry rather than a platform kill.
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        return new HikariDataSource(config);
    }
}
