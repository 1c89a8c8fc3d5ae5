package dev.mediapipeline.fn.cleanupassets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.config.MediaProperties;

import java.time.Clock;

/** The bearer-token verifier of the admin routes, from the same secret sign-upload uses. */
final class BearerTokens {

    private BearerTokens() {
    }

    static HmacJwt from(MediaProperties properties, Clock clock, ObjectMapper json) {
        String secret = properties.auth().jwtSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("the admin routes need a bearer-token secret: set MEDIA_AUTH_JWT_SECRET "
                    + "(at least 32 bytes) from Secret Manager / Secrets Manager or the environment");
        }
        // The same comma-separated list (rotation), issuer and audience rules as sign-upload.
        return HmacJwt.fromSecrets(properties.auth().jwtSecrets(), clock, properties.auth().claimChecks(), json);
    }
}
