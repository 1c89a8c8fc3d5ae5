package dev.mediapipeline.support.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.upload.Caller;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;

/**
 * Bearer tokens signed either with one of our HS256 secrets ({@link HmacJwt}) or, when a JWKS URL is configured, with
 * RS256 by an identity provider. The algorithm comes from the token header but only these two are accepted, each
 * with its own kind of key, so a token can never make us verify an HMAC with a public key.
 */
public final class JwtAuthenticator implements BearerAuthenticator {

    private final HmacJwt hmac;
    private final JwksKeys jwks;
    private final ClaimChecks checks;
    private final Clock clock;
    private final ObjectMapper json;

    /**
     * @param hmac null when no HS256 secret is configured
     * @param jwks null when RS256 tokens are not accepted
     */
    public JwtAuthenticator(HmacJwt hmac, JwksKeys jwks, ClaimChecks checks, Clock clock, ObjectMapper json) {
        if (hmac == null && jwks == null) {
            throw new IllegalArgumentException("configure MEDIA_AUTH_JWT_SECRET, media.auth.jwks-url, or both");
        }
        if (jwks != null) {
            checks.requireIssuerAndAudienceForProviderTokens();
        }
        this.hmac = hmac;
        this.jwks = jwks;
        this.checks = checks;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public Caller authenticate(String authorizationHeader) {
        CompactJws jws = CompactJws.parse(BearerAuthenticator.bearerToken(authorizationHeader), json);
        return switch (jws.algorithm()) {
            case "HS256" -> {
                if (hmac == null) {
                    throw new UnauthenticatedException("HS256 tokens are not accepted here; " + accepted());
                }
                yield hmac.verify(jws);
            }
            case "RS256" -> {
                if (jwks == null) {
                    throw new UnauthenticatedException("RS256 tokens are not accepted here; " + accepted());
                }
                yield verifyRsa(jws);
            }
            default -> throw new UnauthenticatedException("the token algorithm '" + jws.algorithm()
                    + "' is not accepted; " + accepted());
        };
    }

    private Caller verifyRsa(CompactJws jws) {
        PublicKey key = jwks.key(jws.keyId()).orElseThrow(() -> new UnauthenticatedException(
                "the token names a signing key (kid '" + jws.keyId() + "') the identity provider does not publish"));
        boolean valid;
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(jws.signingInput());
            valid = rsa.verify(jws.signature());
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new UnauthenticatedException("the token signature is not valid");
        }
        return checks.check(jws.claims(json), clock.instant());
    }

    private String accepted() {
        return hmac != null && jwks != null ? "send an HS256 or RS256 token"
                : hmac != null ? "send an HS256 token" : "send an RS256 token from the identity provider";
    }
}
