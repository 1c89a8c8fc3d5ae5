package dev.mediapipeline.support.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The RSA signing keys an identity provider publishes as a JWKS (RFC 7517), fetched with the JDK's HTTP client and
 * kept for {@code refresh}. A token naming a key id we do not know triggers one early fetch (the provider may have
 * rotated), at most once per {@link #MIN_REFETCH_INTERVAL}, so forged key ids cannot make us hammer the provider.
 *
 * <p>Only one fetch runs at a time and no lock is held while it runs: other callers meanwhile use the keys already
 * known, so a slow provider (up to 3 s to connect, 5 s to answer) does not queue every request behind it. When a
 * fetch fails the keys we have stay in use, but for at most {@value #MAX_AGE_IN_REFRESHES} refresh intervals after
 * they were last fetched: a provider that cannot be reached for that long may have revoked them, so tokens are then
 * refused as "unavailable" (503) until a fetch succeeds.
 *
 * <p>The URL must be https (the keys decide who may sign uploads); plain http is allowed for loopback hosts only,
 * for a provider running beside us or in tests.
 */
public final class JwksKeys {

    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    /** Keys older than this many refresh intervals are no longer trusted when refetching keeps failing. */
    static final int MAX_AGE_IN_REFRESHES = 10;
    private static final Logger log = LoggerFactory.getLogger(JwksKeys.class);
    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final URI url;
    private final Duration refresh;
    private final Duration maxAge;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json;
    private final AtomicBoolean fetching = new AtomicBoolean();

    /** The keys of the last successful fetch and when it was; replaced as a whole, never changed. */
    private volatile Fetched fetched = new Fetched(Map.of(), Instant.MIN);
    private volatile Instant lastAttempt = Instant.MIN;

    private record Fetched(Map<String, PublicKey> keys, Instant at) {
    }

    public JwksKeys(URI url, Duration refresh, Clock clock, ObjectMapper json) {
        this(url, refresh, clock, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build(), json);
    }

    JwksKeys(URI url, Duration refresh, Clock clock, HttpClient http, ObjectMapper json) {
        if (!"https".equals(url.getScheme()) && !("http".equals(url.getScheme()) && isLoopback(url.getHost()))) {
            throw new IllegalArgumentException("the JWKS URL (media.auth.jwks-url) must be https (plain http only for "
                    + "localhost); got " + url);
        }
        this.url = url;
        this.refresh = refresh;
        this.maxAge = refresh.multipliedBy(MAX_AGE_IN_REFRESHES);
        this.clock = clock;
        this.http = http;
        this.json = json;
    }

    /** The key with this id; an empty id matches when the set holds exactly one key. */
    public Optional<PublicKey> key(String keyId) {
        Instant now = clock.instant();
        Map<String, PublicKey> keys = usable(fetched, now);
        boolean due = now.isAfter(lastAttempt.plus(refresh))
                || !known(keys, keyId) && now.isAfter(lastAttempt.plus(MIN_REFETCH_INTERVAL));
        if (due && fetching.compareAndSet(false, true)) {
            try {
                lastAttempt = now;
                keys = fetch(now);
            } finally {
                fetching.set(false);
            }
        }
        if (keys.isEmpty()) {
            throw new AuthUnavailableException("the token signing keys cannot be fetched from " + url
                    + " right now; try again shortly");
        }
        if (keyId.isEmpty()) {
            return keys.size() == 1 ? Optional.of(keys.values().iterator().next()) : Optional.empty();
        }
        return Optional.ofNullable(keys.get(keyId));
    }

    /** The keys still trusted at this time: none once they are older than the maximum age. */
    private Map<String, PublicKey> usable(Fetched current, Instant now) {
        return current.at().equals(Instant.MIN) || now.isAfter(current.at().plus(maxAge)) ? Map.of() : current.keys();
    }

    private static boolean known(Map<String, PublicKey> keys, String keyId) {
        return keyId.isEmpty() ? keys.size() == 1 : keys.containsKey(keyId);
    }

    /** The keys to use after this attempt: the fetched ones, or on failure those still trusted. */
    private Map<String, PublicKey> fetch(Instant now) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            if (response.body().length > MAX_BODY_BYTES) {
                throw new IllegalStateException("the key set is larger than " + MAX_BODY_BYTES + " bytes");
            }
            Map<String, PublicKey> keys = parse(json.readTree(response.body()));
            fetched = new Fetched(keys, now);
            log.atInfo().addKeyValue("jwksUrl", url).addKeyValue("keys", keys.keySet()).log("JWKS keys fetched");
            return keys;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthUnavailableException("interrupted while fetching the token signing keys");
        } catch (Exception e) {
            Fetched current = fetched;
            log.atWarn().addKeyValue("jwksUrl", url).addKeyValue("error", e.toString())
                    .addKeyValue("keysFetchedAt", current.at().equals(Instant.MIN) ? null : current.at())
                    .log("JWKS fetch failed; keeping the keys already known until they are too old");
            return usable(current, clock.instant());
        }
    }

    /** localhost or a loopback address literal; names are not resolved, so DNS cannot make a host loopback. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = host.matches("[0-9.]+") || host.startsWith("[");
        try {
            return literal && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
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
