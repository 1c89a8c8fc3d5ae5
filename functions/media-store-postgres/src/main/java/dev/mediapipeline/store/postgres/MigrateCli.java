package dev.mediapipeline.store.postgres;

import com.zaxxer.hikari.HikariDataSource;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * One-off schema migration for a deployed database ({@code scripts/migrate}): the functions run with
 * {@code media.database.migrate=false}, so the schema is brought up to date by this step before a deploy
 * instead of at every cold start.
 *
 * <p>Connection settings come from {@code --url}, {@code --user} and {@code --password}, or else from the
 * same {@code SPRING_DATASOURCE_URL}, {@code SPRING_DATASOURCE_USERNAME} and {@code SPRING_DATASOURCE_PASSWORD}
 * the functions read (prefer the variable for the password: arguments show up in process lists).
 */
public final class MigrateCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String HELP = """
            usage: MigrateCli [--url JDBC_URL] [--user USER] [--password PASSWORD]
              Applies the pending Flyway migrations of the media pipeline schema.
              Missing options are read from SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and
              SPRING_DATASOURCE_PASSWORD.""";

    private MigrateCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.println(HELP);
                    return OK;
                }
                case "--url", "--user", "--password" -> {
                    if (i + 1 == args.length) {
                        err.println(args[i] + " needs a value\n" + HELP);
                        return USAGE;
                    }
                    options.put(args[i], args[++i]);
                }
                default -> {
                    err.println("unknown argument " + args[i] + "\n" + HELP);
                    return USAGE;
                }
            }
        }
        String url = options.getOrDefault("--url", environment.get("SPRING_DATASOURCE_URL"));
        String user = options.getOrDefault("--user", environment.get("SPRING_DATASOURCE_USERNAME"));
        String password = options.getOrDefault("--password", environment.get("SPRING_DATASOURCE_PASSWORD"));
        if (url == null || url.isBlank()) {
            err.println("no database given: pass --url or set SPRING_DATASOURCE_URL (jdbc:postgresql://host:5432/media)\n" + HELP);
            return USAGE;
        }
        return migrate(url, user, password, out, err);
    }

    private static int migrate(String url, String user, String password, PrintStream out, PrintStream err) {
        String where = withoutQuery(url);
        // Flyway holds one connection for its lock while it migrates on another.
        try (HikariDataSource dataSource = DataSources.hikari(url, user, password, 2)) {
            PostgresMigrations.migrate(dataSource);
            out.println("schema of " + where + " is current");
            return OK;
        } catch (SchemaMigrationException failure) {
            err.println("migration of " + where + " failed: " + failure.getMessage()
                    + "\ncheck that the database is reachable from here and the user may create tables, then run it again"
                    + " (applied migrations are not repeated)");
            return FAILED;
        }
    }

    /** Query parameters may carry credentials (password=...), so they are never printed. */
    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
