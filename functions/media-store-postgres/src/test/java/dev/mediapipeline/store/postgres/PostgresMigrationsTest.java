package dev.mediapipeline.store.postgres;

import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresMigrationsTest {

    /** The tables the scripts document; other modules' scripts may add more, which must be documented too. */
    private static final List<String> TABLES = List.of("asset_associations", "assets", "processing_ledger",
            "provider_copies", "provider_derived", "renditions", "webhook_notifications");

    @Test
    void migrate_onAnEmptyDatabase_createsTheDocumentedTables() {
        DataSource db = TestDatabase.empty().dataSource();

        PostgresMigrations.migrate(db);

        JdbcClient jdbc = JdbcClient.create(db);
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'
                         ORDER BY table_name""")
                .query(String.class).list();
        assertThat(tables).containsAll(TABLES);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'public' AND c.relname IN (:tables)
                           AND obj_description(c.oid, 'pg_class') IS NOT NULL""")
                .param("tables", tables)
                .query(Integer.class).single())
                .as("every table carries a COMMENT")
                .isEqualTo(tables.size());
    }

    @Test
    void migrate_twice_isHarmlessAndKeepsRows() throws Exception {
        DataSource db = TestDatabase.fresh().dataSource();
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("""
                INSERT INTO processing_ledger (key, state, holder, lease_until, attempts, created_at, updated_at)
                VALUES ('k', 'IN_PROGRESS', 'h', now(), 1, now(), now())""").update();

        PostgresMigrations.migrate(db);
        PostgresMigrations.migrate(db);

        assertThat(jdbc.sql("SELECT count(*) FROM processing_ledger").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single())
                .as("one history row per migration script")
                .isEqualTo(migrationScripts());
    }

    private static int migrationScripts() throws java.io.IOException {
        return new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources(PostgresMigrations.LOCATION + "/V*.sql").length;
    }

    @Test
    void migrate_againstAnUnreachableDatabase_failsWithAClearError() {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://127.0.0.1:1/nowhere");

        assertThatThrownBy(() -> PostgresMigrations.migrate(unreachable))
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("could not bring the media pipeline schema up to date");
    }
}
