package dev.mediapipeline.store.postgres;

import dev.mediapipeline.store.postgres.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void run_withConnectionArguments_migratesAnEmptyDatabase() {
        TestDatabase db = TestDatabase.empty();

        int exit = run(Map.of(), "--url", db.jdbcUrl(), "--user", db.user());

        assertThat(exit).as(text(err)).isEqualTo(MigrateCli.OK);
        assertThat(appliedMigrations(db)).isPositive();
        assertThat(text(out)).contains("is current");
    }

    @Test
    void run_withoutArguments_readsTheFunctionsDatasourceVariables() {
        TestDatabase db = TestDatabase.empty();

        int exit = run(Map.of("SPRING_DATASOURCE_URL", db.jdbcUrl(), "SPRING_DATASOURCE_USERNAME", db.user()));

        assertThat(exit).as(text(err)).isEqualTo(MigrateCli.OK);
        assertThat(appliedMigrations(db)).isPositive();
    }

    @Test
    void run_onACurrentDatabase_changesNothing() {
        TestDatabase db = TestDatabase.fresh();
        int before = appliedMigrations(db);

        int exit = run(Map.of(), "--url", db.jdbcUrl(), "--user", db.user());

        assertThat(exit).as(text(err)).isEqualTo(MigrateCli.OK);
        assertThat(appliedMigrations(db)).isEqualTo(before);
    }

    @Test
    void run_withoutADatabase_explainsWhatToSet() {
        int exit = run(Map.of());

        assertThat(exit).isEqualTo(MigrateCli.USAGE);
        assertThat(text(err)).contains("SPRING_DATASOURCE_URL", "--url");
    }

    @Test
    void run_againstAnUnreachableDatabase_failsWithoutPrintingTheQueryString() {
        int exit = run(Map.of(), "--url", "jdbc:postgresql://127.0.0.1:1/media?password=hunter2", "--user", "media");

        assertThat(exit).isEqualTo(MigrateCli.FAILED);
        assertThat(text(err)).contains("migration of jdbc:postgresql://127.0.0.1:1/media failed").doesNotContain("hunter2");
    }

    @Test
    void run_withAnUnknownArgument_printsUsage() {
        int exit = run(Map.of(), "--host", "db");

        assertThat(exit).isEqualTo(MigrateCli.USAGE);
        assertThat(text(err)).contains("unknown argument --host", "usage:");
    }

    private int run(Map<String, String> environment, String... args) {
        return MigrateCli.run(args, environment, print(out), print(err));
    }

    private static int appliedMigrations(TestDatabase db) {
        return JdbcClient.create(db.dataSource())
                .sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                .query(Integer.class).single();
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
