package dev.mediapipeline.fn.signupload;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code media.auth.jwt-secret} ({@code MEDIA_AUTH_JWT_SECRET}) has a non-blank value, so a deployment
 * that accepts only identity-provider tokens (JWKS) needs no HS256 secret. The value itself is never reported.
 */
class JwtSecretConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String secret = context.getEnvironment().getProperty("media.auth.jwt-secret");
        return secret != null && !secret.isBlank() ? ConditionOutcome.match("media.auth.jwt-secret is set")
                : ConditionOutcome.noMatch("media.auth.jwt-secret is not set");
    }
}
