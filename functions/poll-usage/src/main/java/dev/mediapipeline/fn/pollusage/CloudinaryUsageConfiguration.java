package dev.mediapipeline.fn.pollusage;

import dev.mediapipeline.cloudinary.CloudinaryAccount;
import dev.mediapipeline.cloudinary.CloudinaryMediaProvider;
import dev.mediapipeline.domain.port.MediaProvider;
import dev.mediapipeline.cloudinary.CloudinaryUsageClient;
import dev.mediapipeline.domain.port.ProviderUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The Cloudinary usage client and media provider, when an account is configured (any of {@code CLOUDINARY_URL},
 * {@code CLOUDINARY_CLOUD_NAME}, {@code CLOUDINARY_API_KEY}, {@code CLOUDINARY_API_SECRET}). A half-configured
 * account fails the start with a message naming what to set; none at all turns provider usage off.
 */
@AutoConfiguration
@Conditional(CloudinaryUsageConfiguration.CloudinaryConfigured.class)
@EnableConfigurationProperties({CloudinaryProperties.class, CloudinaryConnectionProperties.class})
public class CloudinaryUsageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CloudinaryUsageConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(ProviderUsage.class)
    CloudinaryUsageClient cloudinaryUsage(CloudinaryProperties cloudinary, CloudinaryConnectionProperties connection) {
        CloudinaryAccount account = cloudinary.account(connection.apiBaseUrl());
        log.atInfo().addKeyValue("cloudName", account.cloudName()).addKeyValue("apiBaseUrl", account.apiBaseUrl())
                .log("provider usage is on: polling Cloudinary's Admin API");
        return new CloudinaryUsageClient(account, connection.settings());
    }

    /**
     * The same account destroys provider copies for clean-up-assets (with cache invalidation). It lives here
     * because this is where the account is configured for every runtime that has one.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(MediaProvider.class)
    CloudinaryMediaProvider cloudinaryMediaProvider(CloudinaryProperties cloudinary, CloudinaryConnectionProperties connection) {
        return new CloudinaryMediaProvider(cloudinary.account(connection.apiBaseUrl()), connection.settings());
    }

    static final class CloudinaryConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean configured = Binder.get(context.getEnvironment())
                    .bind("cloudinary", CloudinaryProperties.class)
                    .map(CloudinaryProperties::isConfigured)
                    .orElse(false);
            return configured ? ConditionOutcome.match("a Cloudinary account is configured")
                    : ConditionOutcome.noMatch("no CLOUDINARY_URL, CLOUDINARY_CLOUD_NAME, CLOUDINARY_API_KEY or "
                    + "CLOUDINARY_API_SECRET is set");
        }
    }
}
