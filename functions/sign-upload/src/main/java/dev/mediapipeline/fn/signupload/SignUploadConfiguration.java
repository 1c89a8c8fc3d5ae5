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
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Primary;

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

    /**
     * Our own HS256 tokens, when {@code MEDIA_AUTH_JWT_SECRET} is set; also what the local runner issues its
     * development token with.
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(JwtSecretConfigured.class)
    HmacJwt hmacJwt(MediaProperties properties, Clock clock, ObjectMapper json) {
        MediaProperties.Auth auth = properties.auth();
        try {
            return HmacJwt.fromSecrets(auth.jwtSecrets(), clock, auth.claimChecks(), json);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("MEDIA_AUTH_JWT_SECRET: " + e.getMessage(), e);
        }
    }

    /**
     * HS256 with our secrets and/or RS256 from the identity provider's JWKS ({@code media.auth.jwks-url}, which then
     * needs {@code media.auth.issuer} and {@code media.auth.audience}); at least one of the two. The HS256 bean is a
     * {@link BearerAuthenticator} too, but must not stand in for this one, or RS256 tokens would never be accepted.
     */
    @Bean
    @Primary
    @ConditionalOnMissingBean(value = BearerAuthenticator.class, ignored = HmacJwt.class)
    JwtAuthenticator signUploadAuthenticator(ObjectProvider<HmacJwt> hmacJwt, MediaProperties properties, Clock clock,
                                             ObjectMapper json) {
        MediaProperties.Auth auth = properties.auth();
        HmacJwt hmac = hmacJwt.getIfAvailable();
        boolean jwksConfigured = auth.jwksUrl() != null && !auth.jwksUrl().isBlank();
        if (hmac == null && !jwksConfigured) {
            throw new IllegalStateException("sign-upload needs a way to check bearer tokens: set MEDIA_AUTH_JWT_SECRET "
                    + "(HS256, at least 32 bytes; comma-separated during a rotation) from Secret Manager / Secrets "
                    + "Manager or the environment, or media.auth.jwks-url (RS256 from an identity provider, with "
                    + "media.auth.issuer and media.auth.audience), or both");
        }
        JwksKeys jwks = null;
        if (jwksConfigured) {
            auth.claimChecks().requireIssuerAndAudienceForProviderTokens();
            try {
                jwks = new JwksKeys(URI.create(auth.jwksUrl().strip()), auth.jwksRefresh(), clock, json);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("media.auth.jwks-url: " + e.getMessage(), e);
            }
        }
        return new JwtAuthenticator(hmac, jwks, auth.claimChecks(), clock, json);
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
