package dev.mediapipeline.fn.applywebhookevent;

import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.NotificationLog;
import dev.mediapipeline.domain.port.ProviderCopies;
import dev.mediapipeline.store.postgres.JdbcNotificationLog;
import dev.mediapipeline.store.postgres.JdbcProviderCopies;
import dev.mediapipeline.store.postgres.testing.TestDatabase;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import dev.mediapipeline.testkit.fakes.InMemoryAssetCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ApplyWebhookEventConfigurationTest {

    private static DataSource db;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MediaDomainConfiguration.class, ApplyWebhookEventConfiguration.class));

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.fresh().dataSource();
    }

    private ApplicationContextRunner withPorts() {
        Clock clock = Clock.systemUTC();
        return runner.withBean(AssetCatalog.class, () -> new InMemoryAssetCatalog(clock))
                .withBean(ProviderCopies.class, () -> new JdbcProviderCopies(db, clock))
                .withBean(NotificationLog.class, () -> new JdbcNotificationLog(db, clock));
    }

    @Test
    void withTheCatalogCopiesAndLogTheFunctionIsTheBeanApplyWebhookEvent_withAOneMinuteClaim() {
        withPorts().run(context -> {
            assertThat(context).hasNotFailed().hasBean("applyWebhookEvent")
                    .hasSingleBean(JacksonNotificationDecoder.class);
            assertThat(context.getBean(ApplyWebhookProperties.class).claim()).isEqualTo(Duration.ofMinutes(1));
            assertThat(context).getBean(MeterRegistry.class).isInstanceOf(SimpleMeterRegistry.class);
        });
    }

    @Test
    void theClaimIsASetting() {
        withPorts().withPropertyValues("media.webhook.apply.claim=30s").run(context ->
                assertThat(context.getBean(ApplyWebhookProperties.class).claim()).isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void withoutThePortsNothingIsWired() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("applyWebhookEvent"));
    }
}
