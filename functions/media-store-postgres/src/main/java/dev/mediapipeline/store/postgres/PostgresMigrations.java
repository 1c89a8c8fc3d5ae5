package dev.mediapipeline.store.postgres;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * Brings a database up to the schema this module's repositories expect.
 *
 * <p>The scripts live in {@value #LOCATION} and the history in Flyway's default table, on purpose: if a
 * Spring Boot host also runs its Flyway auto-configuration on the same database, both see the same history and
 * the second run finds nothing to do.
 */
public final class PostgresMigrations {

    public static final String LOCATION = "classpath:db/migration";

    private static final Logger log = LoggerFactory.getLogger(PostgresMigrations.class);

    private PostgresMigrations() {
    }

    /**
     * Applies every pending migration; a database that is already current is left alone.
     *
     * @throws SchemaMigrationException when the database is unreachable, a script fails, or an applied script no
     *                                  longer matches its checksum
     */
    public static void migrate(DataSource dataSource) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    // A jar packaged without its scripts must fail loudly rather than "migrate" nothing.
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            log.atInfo().addKeyValue("schemaVersion", result.targetSchemaVersion)
                    .addKeyValue("migrationsApplied", result.migrationsExecuted)
                    .log("media pipeline schema is current");
        } catch (FlywayException failure) {
            throw new SchemaMigrationException("could not bring the media pipeline schema up to date: "
                    + failure.getMessage(), failure);
        }
    }
}
