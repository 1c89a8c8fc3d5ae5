package dev.mediapipeline.fn.pollusage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.port.AlertSink;
import dev.mediapipeline.domain.port.AlertStateStore;
import dev.mediapipeline.domain.port.ProviderUsage;
import dev.mediapipeline.domain.port.StorageUsage;
import dev.mediapipeline.domain.port.UsageHistory;
import dev.mediapipeline.domain.port.UsageMetrics;
import dev.mediapipeline.domain.usage.PollUsageService;
import dev.mediapipeline.fn.pollusage.alert.LoggingAlertSink;
import dev.mediapipeline.fn.pollusage.alert.WebhookAlertSink;
import dev.mediapipeline.fn.pollusage.metrics.CloudLoggingUsageLines;
import dev.mediapipeline.fn.pollusage.metrics.EmfUsageLines;
import dev.mediapipeline.fn.pollusage.metrics.LoggedUsageMetrics;
import dev.mediapipeline.fn.pollusage.metrics.MetricsLogFormat;
import dev.mediapipeline.fn.pollusage.metrics.MicrometerUsageMetrics;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wires poll-usage as the bean {@code pollUsage}. The runtime provides where figures come from and go to
 * ({@link StorageUsage}, {@link UsageHistory}, {@link AlertStateStore}); Cloudinary is optional
 * ({@link CloudinaryUsageConfiguration}), and so is a {@link MeterRegistry}.
 */
@AutoConfiguration(after = {MediaDomainConfiguration.class, CloudinaryUsageConfiguration.class})
@ConditionalOnBean({StorageUsage.class, UsageHistory.class, AlertStateStore.class})
@EnableConfigurationProperties(UsageProperties.class)
public class PollUsageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PollUsageConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    AlertSink alertSink(UsageProperties properties, ObjectProvider<ObjectMapper> json) {
        UsageProperties.Alert alert = properties.alert();
        if (alert.webhookUrl() == null) {
            log.atInfo().log("usage alerts go to the log: set MEDIA_USAGE_ALERT_WEBHOOK_URL to post them to a webhook");
            return new LoggingAlertSink();
        }
        return new WebhookAlertSink(alert.webhookUrl(), alert.timeout(), json.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    @ConditionalOnMissingBean
    UsageMetrics usageMetrics(UsageProperties properties, ObjectProvider<MeterRegistry> registry,
                              ObjectProvider<ObjectMapper> json, Environment environment) {
        List<UsageMetrics> outputs = new ArrayList<>();
        registry.ifUnique(meters -> outputs.add(new MicrometerUsageMetrics(meters)));
        ObjectMapper mapper = json.getIfAvailable(ObjectMapper::new);
        MetricsLogFormat format = MetricsLogFormat.resolve(properties.metricsLog().format(), environment::containsProperty);
        switch (format) {
            case EMF -> outputs.add(new LoggedUsageMetrics(new EmfUsageLines(properties.metricsLog().namespace(), mapper)));
            case CLOUD_LOGGING -> outputs.add(new LoggedUsageMetrics(new CloudLoggingUsageLines(mapper)));
            case NONE -> { }
        }
        return report -> outputs.forEach(output -> {
            try {
                output.publish(report);
            } catch (RuntimeException e) {
                log.atWarn().addKeyValue("output", output.getClass().getSimpleName()).setCause(e)
                        .log("usage metrics could not be published to one output; the others still are");
            }
        });
    }

    @Bean
    @ConditionalOnMissingBean
    PollUsageService pollUsageService(ObjectProvider<ProviderUsage> provider, StorageUsage storage,
                                      UsageHistory history, AlertStateStore states, AlertSink alertSink,
                                      UsageMetrics usageMetrics, UsageProperties properties, Clock clock) {
        Optional<ProviderUsage> configured = Optional.ofNullable(provider.getIfAvailable());
        if (configured.isEmpty()) {
            log.atInfo().log("provider usage is off: set CLOUDINARY_URL (or CLOUDINARY_CLOUD_NAME, CLOUDINARY_API_KEY "
                    + "and CLOUDINARY_API_SECRET) to poll Cloudinary's quota; bucket storage is still polled");
        }
        return new PollUsageService(configured, storage, history, states, alertSink, usageMetrics,
                properties.thresholds(), clock);
    }

    @Bean
    PollUsageFunction pollUsage(PollUsageService service) {
        return new PollUsageFunction(service);
    }
}
