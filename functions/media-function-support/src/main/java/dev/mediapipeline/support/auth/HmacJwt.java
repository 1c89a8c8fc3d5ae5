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
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Bearer tokens as compact JWS with HS256 (RFC 7515/7519), claims {@code sub} and {@code roles}.
 *
 * <p>Deliberately narrow: only {@code alg: HS256} is accepted (no {@code none}, no algorithm chosen by the
 * token), the signature is compared in constant time, {@code exp} is required and {@code nbf} honoured, both
 * with a small leeway for clock skew.
 */
public final class HmacJwt {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private final byte[] secret;
    private final Clock clock;
    private final Duration leeway;
    private final ObjectMapper json;

    public HmacJwt(byte[] secret, Clock clock, Duration leeway, ObjectMapper json) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the JWT secret must be at least 32 bytes (256 bits) for HS256");
        }
        this.secret = secret.clone();
        this.clock = clock;
        this.leeway = leeway;
        this.json = json;
    }

    /** Issues a token, e.g. the development token the local runner prints. */
    public String issue(String subject, Collection<String> roles, Duration validity) {
        ObjectNode header = json.createObjectNode().put("alg", "HS256").put("typ", "JWT");
        Instant now = clock.instant();
        ObjectNode claims = json.createObjectNode().put("sub", subject)
                .put("iat", now.getEpochSecond()).put("exp", now.plus(validity).getEpochSecond());
        roles.forEach(claims.putArray("roles")::add);
        String signingInput = B64.encodeToString(bytes(header)) + "." + B64.encodeToString(bytes(claims));
        return signingInput + "." + B64.encodeToString(mac(signingInput));
    }

    /** Verifies an {@code Authorization} header value and returns the caller it names. */
    public Caller authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new UnauthenticatedException("missing bearer token: send 'Authorization: Bearer <jwt>'");
        }
        if (!authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthenticatedException("the Authorization header must use the Bearer scheme");
        }
        return verify(authorizationHeader.substring(7).trim());
    }

    public Caller verify(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new UnauthenticatedException("the token is too long");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new UnauthenticatedException("the token is not a compact JWS (header.payload.signature)");
        }
        JsonNode header = parse(parts[0], "header");
        if (!"HS256".equals(header.path("alg").asText())) {
            throw new UnauthenticatedException("the token must be signed with HS256");
        }
        byte[] expected = mac(parts[0] + "." + parts[1]);
        byte[] actual;
        try {
            actual = B64_DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new UnauthenticatedException("the token signature is not base64url");
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new UnauthenticatedException("the token signature is not valid");
        }
        JsonNode claims = parse(parts[1], "payload");
        Instant now = clock.instant();
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.canConvertToLong()) {
            throw new UnauthenticatedException("the token has no expiry (exp)");
        }
        if (!now.isBefore(Instant.ofEpochSecond(exp.asLong()).plus(leeway))) {
            throw new UnauthenticatedException("the token expired; get a new one");
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && now.plus(leeway).isBefore(Instant.ofEpochSecond(nbf.asLong()))) {
            throw new UnauthenticatedException("the token is not valid yet (nbf)");
        }
        String subject = claims.path("sub").asText("");
        if (subject.isBlank()) {
            throw new UnauthenticatedException("the token has no subject (sub)");
        }
        return new Caller(subject, roles(claims.get("roles")));
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

    private JsonNode parse(String part, String name) {
        try {
            JsonNode node = json.readTree(B64_DECODER.decode(part));
            if (node == null || !node.isObject()) {
                throw new UnauthenticatedException("the token " + name + " is not a JSON object");
            }
            return node;
        } catch (UnauthenticatedException e) {
            throw e;
        } catch (Exception e) {
            throw new UnauthenticatedException("the token " + name + " is not base64url JSON");
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] mac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
