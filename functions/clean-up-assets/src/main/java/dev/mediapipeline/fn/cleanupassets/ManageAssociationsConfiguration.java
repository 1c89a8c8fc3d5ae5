package dev.mediapipeline.fn.cleanupassets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.port.AssetAssociations;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import dev.mediapipeline.support.config.MediaProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Wires the associations write path as the bean {@code manageAssociations} when the runtime provides
 * {@link AssetAssociations} and a bearer-token secret is configured.
 */
@AutoConfiguration(after = {MediaDomainConfiguration.class, CleanUpAssetsConfiguration.class},
        afterName = "dev.mediapipeline.fn.signupload.SignUploadConfiguration")
@ConditionalOnBean(AssetAssociations.class)
@ConditionalOnProperty(prefix = "media.auth", name = "jwt-secret")
@EnableConfigurationProperties(CleanupProperties.class)
public class ManageAssociationsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HmacJwt hmacJwt(MediaProperties properties, Clock clock, ObjectProvider<ObjectMapper> json) {
        return BearerTokens.from(properties, clock, json.getIfAvailable(ObjectMapper::new));
    }

    /** Uploaders (the sign-upload role) may list and add; removing needs the admin role. */
    @Bean
    ManageAssociationsFunction manageAssociations(AssetAssociations associations, HmacJwt jwt,
                                                  MediaProperties media, CleanupProperties cleanup,
                                                  ObjectProvider<ObjectMapper> json) {
        return new ManageAssociationsFunction(associations, jwt, media.auth().requiredRole(), cleanup.adminRole(),
                json.getIfAvailable(ObjectMapper::new));
    }
}
