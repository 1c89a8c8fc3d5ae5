package dev.mediapipeline.support.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.domain.upload.Caller;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Bearer tokens as compact JWS with HS256 (RFC 7515/7519), claims {@code sub} and {@code roles}.
 *
 * <p>Deliberately narrow: only {@code alg: HS256} is accepted (no {@code none}, no algorithm chosen by the
 * token), the signature is compared in constant time, and the claims are checked by {@link ClaimChecks}
 * ({@code exp} required, {@code nbf}, optional {@code iss}/{@code aud}, a small leeway).
 *
 * <p>Several secrets may be accepted at once, so a secret can be rotated without downtime: tokens are issued with
 * the first and verified with any.
 */
public final class HmacJwt implements BearerAuthenticator {

    static final int MIN_SECRET_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final List<byte[]> secrets;
    private final Clock clock;
    private final ClaimChecks checks;
    private final ObjectMapper json;

    public HmacJwt(byte[] secret, Clock clock, Duration leeway, ObjectMapper json) {
        this(List.of(secret), clock, ClaimChecks.leeway(leeway), json);
    }

    /** @param secrets the first issues tokens; each verifies them */
    public HmacJwt(List<byte[]> secrets, Clock clock, ClaimChecks checks, ObjectMapper json) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one JWT secret is needed");
        }
        List<byte[]> copies = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            refuseUnresolvedReference(secrets.get(i), i);
            if (secrets.get(i).length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("JWT secret #" + (i + 1) + " is shorter than " + MIN_SECRET_BYTES
                        + " bytes (256 bits), the least HS256 needs");
            }
            copies.add(secrets.get(i).clone());
        }
        this.secrets = List.copyOf(copies);
        this.clock = clock;
        this.checks = checks;
        this.json = json;
    }

    /**
     * On AWS an environment value {@code arn:aws:secretsmanager:...} is replaced by the secret at startup; a value
     * still starting with {@code arn:} means that did not happen, and using it as the HMAC key would let anyone who
     * can read the function's configuration sign tokens.
     */
    private static void refuseUnresolvedReference(byte[] secret, int index) {
        if (new String(secret, StandardCharsets.UTF_8).startsWith("arn:")) {
            throw new IllegalArgumentException("JWT secret #" + (index + 1) + " is an ARN that was not resolved: "
                    + "values starting arn:aws:secretsmanager: are replaced by the secret at startup only when the "
                    + "AWS runtime (media-cloud-aws) is on the classpath and the role may read the secret; set "
                    + "MEDIA_AUTH_JWT_SECRET to the secret's ARN under that runtime, or to the secret itself");
        }
    }

    /** From the configured text secrets (UTF-8), e.g. {@code MEDIA_AUTH_JWT_SECRET=new,old} split at the commas. */
    public static HmacJwt fromSecrets(List<String> secrets, Clock clock, ClaimChecks checks, ObjectMapper json) {
        return new HmacJwt(secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList(), clock, checks, json);
    }

    /** Issues a token with the first secret, e.g. the development token the local runner prints. */
    public String issue(String subject, Collection<String> roles, Duration validity) {
        ObjectNode header = json.createObjectNode().put("alg", "HS256").put("typ", "JWT");
        Instant now = clock.instant();
        ObjectNode claims = json.createObjectNode().put("sub", subject)
                .put("iat", now.getEpochSecond()).put("exp", now.plus(validity).getEpochSecond());
        if (checks.issuer() != null) {
            claims.put("iss", checks.issuer());
        }
        if (checks.audience() != null) {
            claims.put("aud", checks.audience());
        }
        roles.forEach(claims.putArray("roles")::add);
        String signingInput = B64.encodeToString(bytes(header)) + "." + B64.encodeToString(bytes(claims));
        return signingInput + "." + B64.encodeToString(mac(secrets.get(0), signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Verifies an {@code Authorization} header value and returns the caller it names. */
    @Override
    public Caller authenticate(String authorizationHeader) {
        return verify(BearerAuthenticator.bearerToken(authorizationHeader));
    }

    public Caller verify(String token) {
        return verify(CompactJws.parse(token, json));
    }

    Caller verify(CompactJws jws) {
        if (!"HS256".equals(jws.algorithm())) {
            throw new UnauthenticatedException("the token must be signed with HS256");
        }
        boolean matches = false;
        for (byte[] secret : secrets) {
            // every secret is tried, so the time taken does not say which one matched
            matches |= MessageDigest.isEqual(mac(secret, jws.signingInput()), jws.signature());
        }
        if (!matches) {
            throw new UnauthenticatedException("the token signature is not valid");
        }
        JsonNode claims = jws.claims(json);
        return checks.check(claims, clock.instant());
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] mac(byte[] secret, byte[] signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(signingInput);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
