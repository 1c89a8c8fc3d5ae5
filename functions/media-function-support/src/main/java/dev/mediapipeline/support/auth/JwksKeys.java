package dev.mediapipeline.support.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The RSA signing keys an identity provider publishes as a JWKS (RFC 7517), fetched with the JDK's HTTP client and
 * kept for {@code refresh}. A token naming a key id we do not know triggers one early fetch (the provider may have
 * rotated), at most once per {@link #MIN_REFETCH_INTERVAL}, so forged key ids cannot make us hammer the provider.
 * When a fetch fails the keys we have stay in use.
 */
public final class JwksKeys {

    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(JwksKeys.class);
    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final URI url;
    private final Duration refresh;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json;

    private Map<String, PublicKey> keys = Map.of();
    private Instant fetchedAt = Instant.MIN;

    public JwksKeys(URI url, Duration refresh, Clock clock, ObjectMapper json) {
        this(url, refresh, clock, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build(), json);
    }

    JwksKeys(URI url, Duration refresh, Clock clock, HttpClient http, ObjectMapper json) {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("the JWKS URL must be http(s): " + url);
        }
        this.url = url;
        this.refresh = refresh;
        this.clock = clock;
        this.http = http;
        this.json = json;
    }

    /** The key with this id; an empty id matches when the set holds exactly one key. */
    public synchronized Optional<PublicKey> key(String keyId) {
        Instant now = clock.instant();
        if (now.isAfter(fetchedAt.plus(refresh)) || !known(keyId) && now.isAfter(fetchedAt.plus(MIN_REFETCH_INTERVAL))) {
            fetch(now);
        }
        if (keyId.isEmpty()) {
            return keys.size() == 1 ? Optional.of(keys.values().iterator().next()) : Optional.empty();
        }
        return Optional.ofNullable(keys.get(keyId));
    }

    private boolean known(String keyId) {
        return keyId.isEmpty() ? keys.size() == 1 : keys.containsKey(keyId);
    }

    private void fetch(Instant now) {
        fetchedAt = now;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            if (response.body().length > MAX_BODY_BYTES) {
                throw new IllegalStateException("the key set is larger than " + MAX_BODY_BYTES + " bytes");
            }
            keys = parse(json.readTree(response.body()));
            log.atInfo().addKeyValue("jwksUrl", url).addKeyValue("keys", keys.keySet()).log("JWKS keys fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthUnavailableException("interrupted while fetching the token signing keys");
        } catch (Exception e) {
            log.atWarn().addKeyValue("jwksUrl", url).addKeyValue("error", e.toString())
                    .log("JWKS fetch failed; keeping the keys already known");
            if (keys.isEmpty()) {
                throw new AuthUnavailableException("the token signing keys cannot be fetched from " + url
                        + " right now; try again shortly");
            }
        }
    }

    /** RSA keys meant for signatures; others (encryption keys, EC keys) are skipped. */
    static Map<String, PublicKey> parse(JsonNode set) throws GeneralSecurityException {
        Map<String, PublicKey> parsed = new LinkedHashMap<>();
        for (JsonNode jwk : set.path("keys")) {
            boolean rsa = "RSA".equals(jwk.path("kty").asText());
            boolean forSigning = !jwk.has("use") || "sig".equals(jwk.path("use").asText());
            boolean rs256 = !jwk.has("alg") || "RS256".equals(jwk.path("alg").asText());
            if (!rsa || !forSigning || !rs256 || !jwk.hasNonNull("n") || !jwk.hasNonNull("e")) {
                continue;
            }
            Base64.Decoder b64 = Base64.getUrlDecoder();
            RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, b64.decode(jwk.get("n").asText())),
                    new BigInteger(1, b64.decode(jwk.get("e").asText())));
            parsed.put(jwk.path("kid").asText(""), KeyFactory.getInstance("RSA").generatePublic(spec));
        }
        return Map.copyOf(parsed);
    }
}
