package dev.mediapipeline.localrunner;

import com.zaxxer.hikari.HikariDataSource;
import dev.mediapipeline.store.postgres.DataSources;
import dev.mediapipeline.store.postgres.PostgresMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The runner's PostgreSQL: by default a real PostgreSQL 17 started from bundled binaries, its data kept in
 * {@code <data-dir>/postgres} so the catalog survives restarts; or an existing server when
 * {@code media.local.database-url} is set. Migrated on start.
 */
final class LocalDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalDatabase.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;

    private LocalDatabase(EmbeddedPostgres embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
    }

    static LocalDatabase start(LocalRunnerProperties local) {
        if (local.databaseUrl() != null && !local.databaseUrl().isBlank()) {
            return migrated(null, DataSources.hikari(local.databaseUrl(), local.databaseUser(), local.databasePassword(), 8));
        }
        Path directory = local.dataDir().resolve("postgres");
        try {
            Files.createDirectories(directory);
            stopOrphanedServer(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .start();
            return migrated(postgres, DataSources.hikari(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory.toAbsolutePath()
                    + "; delete that directory to start with an empty catalog", e);
        }
    }

    /**
     * A runner killed without a chance to clean up (kill -9, a crash) leaves its PostgreSQL running on the data
     * directory, which would keep the next start from using it. The caller holds the data-directory lock, so
     * any server on that directory is such an orphan: ask it to shut down (SIGTERM, a smart shutdown; its
     * clients died with the old runner) and wait for it.
     */
    private static void stopOrphanedServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException unreadable) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.atWarn().addKeyValue("pid", pid).log("stopping a PostgreSQL left running by an earlier runner");
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("PostgreSQL process " + pid + " (left by an earlier runner) did not stop; stop it by hand", e);
        }
    }

    private static LocalDatabase migrated(EmbeddedPostgres embedded, HikariDataSource dataSource) {
        PostgresMigrations.migrate(dataSource);
        return new LocalDatabase(embedded, dataSource);
    }

    DataSource dataSource() {
        return dataSource;
    }

    String description() {
        return embedded != null ? "embedded PostgreSQL on port " + embedded.getPort() : dataSource.getJdbcUrl();
    }

    @Override
    public void close() throws IOException {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
