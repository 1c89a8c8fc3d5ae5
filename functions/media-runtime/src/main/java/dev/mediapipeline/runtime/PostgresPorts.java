package dev.mediapipeline.runtime;

import dev.mediapipeline.domain.port.ProviderCopies;
import dev.mediapipeline.domain.port.ProviderCopyLookup;
import dev.mediapipeline.store.postgres.JdbcAlertStateStore;
import dev.mediapipeline.store.postgres.JdbcAssetAssociations;
import dev.mediapipeline.store.postgres.JdbcAssetCatalog;
import dev.mediapipeline.store.postgres.JdbcAssetRemoval;
import dev.mediapipeline.store.postgres.JdbcCleanupRuns;
import dev.mediapipeline.store.postgres.JdbcNotificationLog;
import dev.mediapipeline.store.postgres.JdbcOrphanFinder;
import dev.mediapipeline.store.postgres.JdbcProcessingLedger;
import dev.mediapipeline.store.postgres.JdbcProviderCopies;
import dev.mediapipeline.store.postgres.JdbcTextIndex;
import dev.mediapipeline.store.postgres.JdbcUsageHistory;
import dev.mediapipeline.store.postgres.PostgresCleanupLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Every port the catalog database backs, on whatever {@link DataSource} the context holds ({@link PostgresConnection}
 * in the clouds, the embedded server locally). A deployable imports this next to its cloud's ports; the functions' auto-configurations (which run after imported configuration) then find what they need.
 * Each object is a thin wrapper around the pool, so wiring all of them costs nothing a function notices.
 */
@Configuration(proxyBeanMethods = false)
public class PostgresPorts {

    @Bean
    JdbcAssetCatalog assetCatalog(DataSource dataSource, Clock clock) {
        return new JdbcAssetCatalog(dataSource, clock);
    }

    @Bean
    JdbcProcessingLedger processingLedger(DataSource dataSource, Clock clock) {
        return new JdbcProcessingLedger(dataSource, clock);
    }

    @Bean
    JdbcNotificationLog notificationLog(DataSource dataSource, Clock clock) {
        return new JdbcNotificationLog(dataSource, clock);
    }

    @Bean
    JdbcProviderCopies providerCopies(DataSource dataSource, Clock clock) {
        return new JdbcProviderCopies(dataSource, clock);
    }

    @Bean
    JdbcTextIndex textIndex(DataSource dataSource, Clock clock) {
        return new JdbcTextIndex(dataSource, clock);
    }

    @Bean
    JdbcAssetAssociations assetAssociations(DataSource dataSource, Clock clock) {
        return new JdbcAssetAssociations(dataSource, clock);
    }

    @Bean
    JdbcOrphanFinder orphanFinder(DataSource dataSource) {
        return new JdbcOrphanFinder(dataSource);
    }

    @Bean
    JdbcAssetRemoval assetRemoval(DataSource dataSource, Clock clock) {
        return new JdbcAssetRemoval(dataSource, clock);
    }

    @Bean
    JdbcCleanupRuns cleanupRuns(DataSource dataSource, Clock clock) {
        return new JdbcCleanupRuns(dataSource, clock);
    }

    @Bean
    PostgresCleanupLock cleanupLock(DataSource dataSource) {
        return new PostgresCleanupLock(dataSource);
    }

    @Bean
    JdbcUsageHistory usageHistory(DataSource dataSource) {
        return new JdbcUsageHistory(dataSource);
    }

    @Bean
    JdbcAlertStateStore alertStateStore(DataSource dataSource) {
        return new JdbcAlertStateStore(dataSource);
    }

    /** The provider copies apply-webhook-event recorded and that are still live at the provider. */
    @Bean
    ProviderCopyLookup providerCopyLookup(ProviderCopies copies) {
        return ProviderCopyLookups.live(copies);
    }
}
