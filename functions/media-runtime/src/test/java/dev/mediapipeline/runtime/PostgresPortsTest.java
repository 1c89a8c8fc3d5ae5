package dev.mediapipeline.runtime;

import dev.mediapipeline.domain.port.AlertStateStore;
import dev.mediapipeline.domain.port.AssetAssociations;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.AssetRemoval;
import dev.mediapipeline.domain.port.CleanupLock;
import dev.mediapipeline.domain.port.CleanupRuns;
import dev.mediapipeline.domain.port.NotificationLog;
import dev.mediapipeline.domain.port.OrphanFinder;
import dev.mediapipeline.domain.port.ProcessingLedger;
import dev.mediapipeline.domain.port.ProviderCopies;
import dev.mediapipeline.domain.port.ProviderCopyLookup;
import dev.mediapipeline.domain.port.TextIndex;
import dev.mediapipeline.domain.port.UsageHistory;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresPortsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MediaDomainConfiguration.class))
            .withUserConfiguration(PostgresConnection.class, PostgresPorts.class);

    @Test
    void wiresEveryDatabasePortTheFunctionsLookFor() {
        TestDatabase database = TestDatabase.fresh();
        runner.withPropertyValues(connection(database))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    for (Class<?> port : new Class<?>[]{AssetCatalog.class, ProcessingLedger.class, NotificationLog.class,
                            ProviderCopies.class, ProviderCopyLookup.class, TextIndex.class, AssetAssociations.class,
                            OrphanFinder.class, AssetRemoval.class, CleanupRuns.class, CleanupLock.class,
                            UsageHistory.class, AlertStateStore.class}) {
                        assertThat(context).as(port.getSimpleName()).hasSingleBean(port);
                    }
                    assertThat(context.getBean(AssetCatalog.class).find(dev.mediapipeline.domain.asset.AssetId.random()))
                            .isEmpty();
                });
    }

    @Test
    void leavesTheSchemaAloneUnlessMigrationIsAskedFor() {
        TestDatabase database = TestDatabase.empty();
        runner.withPropertyValues(connection(database))
                .run(context -> assertThat(tableExists(context.getBean(DataSource.class), "assets")).isFalse());
        runner.withPropertyValues(connection(database)).withPropertyValues("media.database.migrate=true")
                .run(context -> assertThat(tableExists(context.getBean(DataSource.class), "assets")).isTrue());
    }

    @Test
    void withoutAConnectionUrlTheStartupFailureSaysWhichVariablesToSet() {
        runner.run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("SPRING_DATASOURCE_URL"));
    }

    private static String[] connection(TestDatabase database) {
        return new String[]{"spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + database.user()};
    }

    private static boolean tableExists(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, "public", table, null)) {
            return tables.next();
        }
    }
}
