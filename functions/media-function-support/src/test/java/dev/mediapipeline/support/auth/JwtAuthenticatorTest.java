package dev.mediapipeline.support.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.mediapipeline.testkit.fakes.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tokens from our HS256 secrets (with rotation) and RS256 tokens from an identity provider whose JWKS WireMock
 * serves; the RSA key pairs are generated here and tokens are signed with the JDK.
 */
class JwtAuthenticatorTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String OLD_SECRET = "the-old-secret-of-at-least-32-bytes";
    private static final String NEW_SECRET = "the-new-secret-of-at-least-32-bytes";

    @RegisterExtension
    static final WireMockExtension idp = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T00:00:00Z"));
    private final ObjectMapper json = new ObjectMapper();
    private final ClaimChecks checks = new ClaimChecks(Duration.ofSeconds(30), "https://id.example.com/", "media-api");
    private final KeyPair idpKey = rsa();
    private final KeyPair stranger = rsa();

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HmacJwt hmac(String... secrets) {
        return HmacJwt.fromSecrets(List.of(secrets), clock, checks, json);
    }

    private JwtAuthenticator authenticator() {
        serveJwks("key-1", idpKey);
        JwksKeys jwks = new JwksKeys(URI.create(idp.baseUrl() + "/.well-known/jwks.json"), Duration.ofMinutes(10), clock, json);
        return new JwtAuthenticator(hmac(NEW_SECRET, OLD_SECRET), jwks, checks, clock, json);
    }

    private void serveJwks(String kid, KeyPair pair) {
        idp.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(okJson(jwksBody(kid, pair))));
    }

    private String jwksBody(String kid, KeyPair pair) {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        ObjectNode set = json.createObjectNode();
        set.putArray("keys").addObject().put("kty", "RSA").put("use", "sig").put("alg", "RS256").put("kid", kid)
                .put("n", B64.encodeToString(unsigned(key.getModulus())))
                .put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
        return set.toString();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private ObjectNode claims() {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = json.createObjectNode().put("sub", "carol").put("iss", "https://id.example.com/")
                .put("exp", now + 600).put("nbf", now - 5);
        claims.putArray("aud").add("other-api").add("media-api");
        claims.putArray("roles").add("staff");
        return claims;
    }

    private String rs256(String kid, KeyPair pair, ObjectNode claims) throws Exception {
        String header = json.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", kid).toString();
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(pair.getPrivate());
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return "Bearer " + input + "." + B64.encodeToString(rsa.sign());
    }

    @Test
    void anRs256TokenFromTheIdentityProviderIsAccepted() throws Exception {
        var caller = authenticator().authenticate(rs256("key-1", idpKey, claims()));

        assertThat(caller.subject()).isEqualTo("carol");
        assertThat(caller.roles()).containsExactly("staff");
    }

    @Test
    void anRs256TokenSignedWithAnotherKeyOrNamingAnUnknownKeyIsRefused() throws Exception {
        JwtAuthenticator authenticator = authenticator();

        assertThatThrownBy(() -> authenticator.authenticate(rs256("key-1", stranger, claims())))
                .isInstanceOf(UnauthenticatedException.class).hasMessageContaining("signature is not valid");
        assertThatThrownBy(() -> authenticator.authenticate(rs256("key-9", stranger, claims())))
                .isInstanceOf(UnauthenticatedException.class).hasMessageContaining("key-9");
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesIt_butNotMoreThanOnceInThirtySeconds() throws Exception {
        JwtAuthenticator authenticator = authenticator();
        authenticator.authenticate(rs256("key-1", idpKey, claims()));
        serveJwks("key-2", stranger);
        clock.advance(Duration.ofSeconds(31));

        assertThat(authenticator.authenticate(rs256("key-2", stranger, claims())).subject()).isEqualTo("carol");
        assertThatThrownBy(() -> authenticator.authenticate(rs256("key-3", stranger, claims())))
                .isInstanceOf(UnauthenticatedException.class);
        idp.verify(2, getRequestedFor(urlEqualTo("/.well-known/jwks.json")));
    }

    @Test
    void issuerAudienceExpiryAndNotBeforeAreCheckedWithTheLeeway() throws Exception {
        JwtAuthenticator authenticator = authenticator();
        long now = clock.instant().getEpochSecond();

        assertThatThrownBy(() -> authenticator.authenticate(rs256("key-1", idpKey, claims().put("iss", "https://evil/"))))
                .hasMessageContaining("iss");
        assertThatThrownBy(() -> authenticator.authenticate(rs256("key-1", idpKey, claims().put("aud", "other-api"))))
                .hasMessageContaining("aud");
        assertThat(authenticator.authenticate(rs256("key-1", idpKey, claims().put("exp", now - 20))).subject())
                .as("expired 20 s ago, within the 30 s leeway").isEqualTo("carol");
        assertThatThrownBy(() -> authenticator.authenticate(rs256("key-1", idpKey, claims().put("exp", now - 31))))
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> authenticator.authenticate(rs256("key-1", idpKey, claims().put("nbf", now + 60))))
                .hasMessageContaining("nbf");
    }

    @Test
    void tokensSignedWithTheOldOrTheNewSecretAreAccepted_andNewTokensUseTheNewOne() {
        JwtAuthenticator authenticator = authenticator();
        String fromOld = hmac(OLD_SECRET).issue("alice", List.of("uploader"), Duration.ofMinutes(5));
        String fromNew = hmac(NEW_SECRET, OLD_SECRET).issue("bob", List.of("uploader"), Duration.ofMinutes(5));

        assertThat(authenticator.authenticate("Bearer " + fromOld).subject()).isEqualTo("alice");
        assertThat(authenticator.authenticate("Bearer " + fromNew).subject()).isEqualTo("bob");
        assertThat(hmac(NEW_SECRET).verify(fromNew).subject()).isEqualTo("bob");
        assertThatThrownBy(() -> hmac("a-third-secret-nobody-configured-xx").verify(fromOld))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void anHs256TokenCannotBeSignedWithTheProvidersPublicKey_norIsAlgNoneAccepted() {
        JwtAuthenticator authenticator = authenticator();
        String header = B64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(claims().toString().getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> authenticator.authenticate("Bearer " + header + "." + payload + "."))
                .isInstanceOf(UnauthenticatedException.class).hasMessageContaining("'none'");
        HmacJwt keyAsSecret = HmacJwt.fromSecrets(List.of(new String(idpKey.getPublic().getEncoded(),
                StandardCharsets.ISO_8859_1)), clock, checks, json);
        assertThatThrownBy(() -> authenticator.authenticate("Bearer " + keyAsSecret.issue("x", List.of(), Duration.ofMinutes(1))))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void anUnreachableKeySetIsA503NotA401() throws Exception {
        idp.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(aResponse().withStatus(500)));
        JwksKeys jwks = new JwksKeys(URI.create(idp.baseUrl() + "/.well-known/jwks.json"), Duration.ofMinutes(10), clock, json);
        JwtAuthenticator authenticator = new JwtAuthenticator(null, jwks, checks, clock, json);

        String token = rs256("key-1", idpKey, claims());
        assertThatThrownBy(() -> authenticator.authenticate(token)).isInstanceOf(AuthUnavailableException.class);
    }

    @Test
    void providerKeysWithoutBothIssuerAndAudienceAreRefused_sinceTheProviderSignsForOtherApplicationsToo() {
        JwksKeys jwks = jwks(Duration.ofMinutes(10));

        for (ClaimChecks loose : List.of(new ClaimChecks(Duration.ZERO, "https://id.example.com/", " "),
                new ClaimChecks(Duration.ZERO, null, "media-api"))) {
            assertThatThrownBy(() -> new JwtAuthenticator(null, jwks, loose, clock, json))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("media.auth.issuer").hasMessageContaining("media.auth.audience");
        }
        assertThat(new JwtAuthenticator(hmac(NEW_SECRET), null, ClaimChecks.leeway(Duration.ZERO), clock, json))
                .as("our own HS256 tokens need neither").isNotNull();
    }

    @Test
    void theKeySetUrlMustBeHttpsExceptOnTheLoopbackInterface() {
        for (String url : List.of("http://id.example.com/jwks.json", "http://10.0.0.1/jwks.json",
                "http://localhost.example.com/jwks.json", "ftp://id.example.com/jwks.json")) {
            assertThatThrownBy(() -> new JwksKeys(URI.create(url), Duration.ofMinutes(10), clock, json))
                    .as(url).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        }
        for (String url : List.of("https://id.example.com/jwks.json", "http://localhost:8080/jwks.json",
                "http://127.0.0.1:8080/jwks.json", "http://[::1]:8080/jwks.json")) {
            assertThat(new JwksKeys(URI.create(url), Duration.ofMinutes(10), clock, json)).as(url).isNotNull();
        }
    }

    @Test
    void keysAreNoLongerTrustedTenRefreshIntervalsAfterTheLastSuccessfulFetch() throws Exception {
        JwtAuthenticator authenticator = authenticator();
        authenticator.authenticate(rs256("key-1", idpKey, claims()));
        idp.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(aResponse().withStatus(500)));

        clock.advance(Duration.ofMinutes(11));
        assertThat(authenticator.authenticate(rs256("key-1", idpKey, claims())).subject())
                .as("a failed refresh keeps the known keys for a while").isEqualTo("carol");
        clock.advance(Duration.ofMinutes(90));
        String token = rs256("key-1", idpKey, claims());
        assertThatThrownBy(() -> authenticator.authenticate(token)).isInstanceOf(AuthUnavailableException.class);
    }

    @Test
    void aSlowRefreshDoesNotHoldUpOtherRequests_theyUseTheKeysAlreadyKnown() throws Exception {
        JwksKeys jwks = jwks(Duration.ofMinutes(10));
        assertThat(jwks.key("key-1")).isPresent();
        idp.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(okJson(jwksBody("key-1", idpKey)).withFixedDelay(3000)));
        clock.advance(Duration.ofMinutes(11));

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> refreshing = pool.submit(() -> jwks.key("key-1"));
            while (idp.getAllServeEvents().size() < 2) {
                Thread.sleep(10);
            }
            long started = System.nanoTime();
            assertThat(jwks.key("key-1")).isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(refreshing).as("the refresh was still running meanwhile").isNotDone();
            refreshing.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private JwksKeys jwks(Duration refresh) {
        serveJwks("key-1", idpKey);
        return new JwksKeys(URI.create(idp.baseUrl() + "/.well-known/jwks.json"), refresh, clock, json);
    }

    @Test
    void shortSecretsAreRefusedNamingWhichOne() {
        assertThatThrownBy(() -> hmac(NEW_SECRET, "short")).hasMessageContaining("#2");
    }
}
