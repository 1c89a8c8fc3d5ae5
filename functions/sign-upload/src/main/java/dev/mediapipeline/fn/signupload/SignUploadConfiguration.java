package dev.mediapipeline.fn.signupload;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.port.AssetAssociations;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.UploadSigner;
import dev.mediapipeline.domain.upload.SignUploadService;
import dev.mediapipeline.domain.upload.UploadPolicy;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import dev.mediapipeline.support.config.MediaProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Wires sign-upload as the bean {@code signUpload} (the name Spring Cloud Function routes to). */
@AutoConfiguration(after = MediaDomainConfiguration.class)
@ConditionalOnBean({UploadSigner.class, AssetCatalog.class})
public class SignUploadConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HmacJwt hmacJwt(MediaProperties properties, Clock clock, ObjectMapper json) {
        String secret = properties.auth().jwtSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("sign-upload needs a bearer-token secret: set MEDIA_AUTH_JWT_SECRET "
                    + "(at least 32 bytes) from Secret Manager / Secrets Manager or the environment");
        }
        return new HmacJwt(secret.getBytes(StandardCharsets.UTF_8), clock, properties.auth().leeway(), json);
    }

    @Bean
    SignUploadService signUploadService(UploadPolicy policy, UploadSigner signer, AssetCatalog catalog, Clock clock,
                                        MediaProperties properties) {
        return new SignUploadService(policy, signer, catalog, clock, properties.upload().validity(),
                properties.auth().requiredRole());
    }

    /** With an {@link AssetAssociations} port the request may name the asset's owner; without one that is refused. */
    @Bean
    SignUploadFunction signUpload(SignUploadService service, HmacJwt jwt, ObjectMapper json,
                                  ObjectProvider<AssetAssociations> associations) {
        return new SignUploadFunction(service, jwt, json, associations.getIfAvailable());
    }
}
