package dev.mediapipeline.support.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.domain.upload.Caller;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The registered claims every accepted token must satisfy, whatever signed it: {@code exp} required, {@code nbf}
 * honoured, both with a small leeway for clock skew; {@code iss} and {@code aud} when configured; a {@code sub}.
 * Roles come from {@code roles} (an array, or a space/comma separated string).
 *
 * @param issuer   null: any issuer
 * @param audience null: any audience
 */
public record ClaimChecks(Duration leeway, String issuer, String audience) {

    public ClaimChecks {
        leeway = leeway == null ? Duration.ZERO : leeway;
        issuer = blankToNull(issuer);
        audience = blankToNull(audience);
    }

    /** Only expiry and subject, with this leeway. */
    public static ClaimChecks leeway(Duration leeway) {
        return new ClaimChecks(leeway, null, null);
    }

    /**
     * An identity provider's keys sign tokens for every application it serves, so tokens verified with them (JWKS)
     * must be pinned to our issuer and audience; without both, any token that provider ever issued would be accepted.
     *
     * @throws IllegalStateException naming the settings to add
     */
    public void requireIssuerAndAudienceForProviderTokens() {
        if (issuer == null || audience == null) {
            throw new IllegalStateException("media.auth.jwks-url is set, so media.auth.issuer (MEDIA_AUTH_ISSUER) and "
                    + "media.auth.audience (MEDIA_AUTH_AUDIENCE) must both be set too: otherwise any token the "
                    + "identity provider signs, for any application, would be accepted; set them to the provider's "
                    + "issuer URL and this API's audience");
        }
    }

    Caller check(JsonNode claims, Instant now) {
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber()) {
            throw new UnauthenticatedException("the token has no expiry (exp)");
        }
        if (!now.isBefore(Instant.ofEpochSecond(exp.asLong()).plus(leeway))) {
            throw new UnauthenticatedException("the token expired; get a new one");
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && (!nbf.isNumber() || now.plus(leeway).isBefore(Instant.ofEpochSecond(nbf.asLong())))) {
            throw new UnauthenticatedException("the token is not valid yet (nbf)");
        }
        if (issuer != null && !issuer.equals(claims.path("iss").asText(null))) {
            throw new UnauthenticatedException("the token was not issued by " + issuer + " (iss)");
        }
        if (audience != null && !namesAudience(claims.get("aud"))) {
            throw new UnauthenticatedException("the token is not meant for " + audience + " (aud)");
        }
        String subject = claims.path("sub").asText("");
        if (subject.isBlank()) {
            throw new UnauthenticatedException("the token has no subject (sub)");
        }
        return new Caller(subject, roles(claims.get("roles")));
    }

    private boolean namesAudience(JsonNode aud) {
        if (aud == null) {
            return false;
        }
        if (aud.isArray()) {
            for (JsonNode one : aud) {
                if (audience.equals(one.asText())) {
                    return true;
                }
            }
            return false;
        }
        return audience.equals(aud.asText());
    }

    private static Set<String> roles(JsonNode node) {
        Set<String> roles = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return roles;
        }
        if (node.isArray()) {
            node.forEach(role -> roles.add(role.asText()));
        } else {
            for (String role : node.asText().split("[\\s,]+")) {
                if (!role.isBlank()) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
