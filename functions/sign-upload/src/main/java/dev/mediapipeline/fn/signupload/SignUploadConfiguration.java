package dev.mediapipeline.fn.signupload;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.port.AssetAssociations;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.UploadSigner;
import dev.mediapipeline.domain.upload.SignUploadService;
import dev.mediapipeline.domain.upload.UploadPolicy;
import dev.mediapipeline.domain.upload.UploadTargets;
import dev.mediapipeline.support.auth.BearerAuthenticator;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.auth.JwksKeys;
import dev.mediapipeline.support.auth.JwtAuthenticator;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import dev.mediapipeline.support.config.MediaProperties;
import dev.mediapipeline.support.http.CorsPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Wires sign-upload as the bean {@code signUpload} (the name Spring Cloud Function routes to). Every
 * {@link UploadSigner} bean the runtime provides is a target, chosen per folder ({@code media.upload.folders.<f>.target})
 * or by default ({@code MEDIA_UPLOAD_TARGET}); a folder naming a target nobody signs for stops the start.
 */
@AutoConfiguration(after = {MediaDomainConfiguration.class, CloudinaryUploadConfiguration.class},
        afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean({UploadSigner.class, AssetCatalog.class})
public class SignUploadConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SignUploadConfiguration.class);

    /** Our own HS256 tokens; also what the local runner issues its development token with. */
    @Bean
    @ConditionalOnMissingBean
    HmacJwt hmacJwt(MediaProperties properties, Clock clock, ObjectMapper json) {
        MediaProperties.Auth auth = properties.auth();
        if (auth.jwtSecrets().isEmpty()) {
            throw new IllegalStateException("sign-upload needs a bearer-token secret: set MEDIA_AUTH_JWT_SECRET "
                    + "(at least 32 bytes; comma-separated during a rotation) from Secret Manager / Secrets Manager or "
                    + "the environment");
        }
        try {
            return HmacJwt.fromSecrets(auth.jwtSecrets(), clock, auth.claimChecks(), json);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("MEDIA_AUTH_JWT_SECRET: " + e.getMessage(), e);
        }
    }

    /** HS256 with our secrets, plus RS256 from the identity provider's JWKS when {@code media.auth.jwks-url} is set. */
    @Bean
    @ConditionalOnMissingBean(BearerAuthenticator.class)
    JwtAuthenticator signUploadAuthenticator(HmacJwt hmacJwt, MediaProperties properties, Clock clock, ObjectMapper json) {
        MediaProperties.Auth auth = properties.auth();
        JwksKeys jwks = auth.jwksUrl() == null || auth.jwksUrl().isBlank() ? null
                : new JwksKeys(URI.create(auth.jwksUrl()), auth.jwksRefresh(), clock, json);
        return new JwtAuthenticator(hmacJwt, jwks, auth.claimChecks(), clock, json);
    }

    @Bean
    SignUploadMetrics signUploadMetrics(ObjectProvider<MeterRegistry> registry) {
        return new SignUploadMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    UploadTargets uploadTargets(List<UploadSigner> signers, UploadPolicy policy, MediaProperties properties,
                                SignUploadMetrics metrics) {
        UploadTargets targets = UploadTargets.of(signers.stream().map(metrics::timed).toList(),
                properties.upload().target(), policy);
        log.atInfo().addKeyValue("targets", targets.signers().keySet()).addKeyValue("defaultTarget", targets.defaultTarget())
                .log("sign-upload targets");
        return targets;
    }

    @Bean
    SignUploadService signUploadService(UploadPolicy policy, UploadTargets targets, AssetCatalog catalog, Clock clock,
                                        MediaProperties properties) {
        return new SignUploadService(policy, targets, catalog, clock, properties.upload().validity(),
                properties.auth().requiredRole());
    }

    /** With an {@link AssetAssociations} port the request may name the asset's owner; without one that is refused. */
    @Bean
    SignUploadFunction signUpload(SignUploadService service, BearerAuthenticator authenticator, ObjectMapper json,
                                  ObjectProvider<AssetAssociations> associations, MediaProperties properties,
                                  SignUploadMetrics metrics) {
        CorsPolicy cors = new CorsPolicy(properties.upload().allowedOrigins(), "POST");
        return new SignUploadFunction(service, authenticator, json, associations.getIfAvailable(), cors, metrics);
    }
}
