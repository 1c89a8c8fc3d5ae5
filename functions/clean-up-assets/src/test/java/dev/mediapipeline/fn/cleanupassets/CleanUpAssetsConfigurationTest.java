package dev.mediapipeline.fn.cleanupassets;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.port.AssetAssociations;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.AssetRemoval;
import dev.mediapipeline.domain.port.BlobListing;
import dev.mediapipeline.domain.port.BlobStore;
import dev.mediapipeline.domain.port.CleanupLock;
import dev.mediapipeline.domain.port.CleanupRuns;
import dev.mediapipeline.domain.port.MediaProvider;
import dev.mediapipeline.domain.port.OrphanFinder;
import dev.mediapipeline.store.postgres.JdbcAssetRemoval;
import dev.mediapipeline.store.postgres.JdbcCleanupRuns;
import dev.mediapipeline.store.postgres.JdbcOrphanFinder;
import dev.mediapipeline.store.postgres.PostgresCleanupLock;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CleanUpAssetsConfigurationTest {

    @TempDir
    Path bucket;

    private CleanupWorld world;
    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp() {
        world = new CleanupWorld(bucket);
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MediaDomainConfiguration.class,
                        CleanUpAssetsConfiguration.class, ManageAssociationsConfiguration.class))
                .withBean(Clock.class, () -> world.clock);
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }

    /** What a runtime (the local runner, a cloud deployable) provides. */
    private ApplicationContextRunner withPorts() {
        return runner
                .withBean(AssetCatalog.class, () -> world.catalog)
                .withBean(BlobStore.class, () -> world.blobs)
                .withBean(BlobListing.class, () -> world.blobs.listing())
                .withBean(OrphanFinder.class, () -> new JdbcOrphanFinder(world.database))
                .withBean(AssetRemoval.class, () -> new JdbcAssetRemoval(world.database, world.clock))
                .withBean(CleanupRuns.class, () -> new JdbcCleanupRuns(world.database, world.clock))
                .withBean(CleanupLock.class, () -> new PostgresCleanupLock(world.database))
                .withBean(AssetAssociations.class, () -> world.associations);
    }

    @Test
    void withThePortsAndASecret_theScheduledFunctionTheAdminRouteAndTheAssociationsRouteAreThere() {
        AssetId orphan = world.asset(AssetStatus.READY, Duration.ofDays(31));

        withPorts().withPropertyValues("media.auth.jwt-secret=" + Tokens.SECRET).run(context -> {
            assertThat(context).hasNotFailed()
                    .hasBean("cleanUpAssets").hasBean("cleanUpAssetsAdmin").hasBean("manageAssociations");

            CleanupReportView report = context.getBean("cleanUpAssets", CleanUpAssetsFunction.class)
                    .apply(CleanupRequest.scheduledTick());

            assertThat(report.triggeredBy()).isEqualTo("schedule");
            assertThat(report.deleted()).isEqualTo(1);
            assertThat(world.status(orphan)).contains(AssetStatus.DELETED);
            assertThat(world.objectsOf(orphan)).as("the listing was wired").isEmpty();
        });
    }

    @Test
    void theAdminRoute_checksTokensWithTheConfiguredSecret() {
        withPorts().withPropertyValues("media.auth.jwt-secret=" + Tokens.SECRET).run(context -> {
            Tokens tokens = new Tokens(world.clock, new com.fasterxml.jackson.databind.ObjectMapper());
            HttpFunctionResponse response = context.getBean("cleanUpAssetsAdmin", CleanUpAssetsAdminFunction.class)
                    .apply(Tokens.request("POST", "/admin/clean-up", tokens.bearer("olivia", "admin"), null, null));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).contains("\"dryRun\":true");
        });
    }

    @Test
    void withoutASecret_onlyTheScheduledFunctionIsThere() {
        withPorts().run(context -> assertThat(context).hasNotFailed().hasBean("cleanUpAssets")
                .doesNotHaveBean("cleanUpAssetsAdmin").doesNotHaveBean("manageAssociations"));
    }

    @Test
    void withoutTheCleanUpPorts_nothingIsWired() {
        runner.withBean(AssetCatalog.class, () -> world.catalog).withBean(BlobStore.class, () -> world.blobs)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("cleanUpAssets")
                        .doesNotHaveBean("cleanUpAssetsAdmin"));
    }

    @Test
    void theRuleAgesAndLimits_bindFromTheEnvironmentNames() {
        AssetId fortyDaysOld = world.asset(AssetStatus.READY, Duration.ofDays(40));

        withPorts().withPropertyValues("media.cleanup.unused.older-than=45d", "media.cleanup.batch-size=7",
                "media.cleanup.time-budget=90s").run(context -> {
            CleanupProperties properties = context.getBean(CleanupProperties.class);
            assertThat(properties.batchSize()).isEqualTo(7);
            assertThat(properties.timeBudget()).isEqualTo(Duration.ofSeconds(90));

            context.getBean(CleanUpAssetsFunction.class).apply(CleanupRequest.scheduledTick());

            assertThat(world.status(fortyDaysOld)).contains(AssetStatus.READY);
        });
    }

    @Test
    void aRuleThatIsSwitchedOff_deletesNothing() {
        AssetId abandoned = world.asset(AssetStatus.PENDING_UPLOAD, Duration.ofDays(3));

        withPorts().withPropertyValues("media.cleanup.upload-never-arrived.enabled=false").run(context -> {
            context.getBean(CleanUpAssetsFunction.class).apply(CleanupRequest.scheduledTick());

            assertThat(world.status(abandoned)).contains(AssetStatus.PENDING_UPLOAD);
        });
    }

    @Test
    void anAgeBelowItsSafetyMinimum_failsAtStartup() {
        withPorts().withPropertyValues("media.cleanup.unused.older-than=1h").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("unusedAfter must be at least"));
    }

    @Test
    void aMediaProviderWithoutAProviderCopyLookup_failsAtStartup() {
        withPorts().withBean(MediaProvider.class, () -> (publicId, resourceType) -> true).run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("ProviderCopyLookup"));
    }
}
