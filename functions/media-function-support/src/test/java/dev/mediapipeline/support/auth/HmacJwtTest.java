package dev.mediapipeline.support.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.upload.Caller;
import dev.mediapipeline.testkit.fakes.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacJwtTest {

    private static final byte[] SECRET = "a-development-secret-of-32-bytes!".getBytes(StandardCharsets.US_ASCII);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T00:00:00Z"));
    private final ObjectMapper json = new ObjectMapper();
    private final HmacJwt jwt = new HmacJwt(SECRET, clock, Duration.ofSeconds(60), json);

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anIssuedTokenAuthenticatesItsSubjectAndRoles() {
        String token = jwt.issue("alice", List.of("uploader", "admin"), Duration.ofHours(1));

        Caller caller = jwt.authenticate("Bearer " + token);

        assertThat(caller.subject()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactlyInAnyOrder("uploader", "admin");
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(jwt.authenticate("bearer " + jwt.issue("a", List.of(), Duration.ofHours(1))).subject()).isEqualTo("a");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRejected() {
        HmacJwt other = new HmacJwt("another-secret-of-at-least-32-byte".getBytes(StandardCharsets.US_ASCII), clock,
                Duration.ZERO, json);

        assertThatThrownBy(() -> jwt.verify(other.issue("alice", List.of("uploader"), Duration.ofHours(1))))
                .isInstanceOf(UnauthenticatedException.class).hasMessageContaining("signature");
    }

    @Test
    void alteringTheClaimsBreaksTheSignature() {
        String[] parts = jwt.issue("alice", List.of("viewer"), Duration.ofHours(1)).split("\\.");
        String forged = parts[0] + "." + b64("{\"sub\":\"alice\",\"roles\":[\"uploader\"],\"exp\":9999999999}") + "." + parts[2];

        assertThatThrownBy(() -> jwt.verify(forged)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void theNoneAlgorithmIsRejected() {
        String unsigned = b64("{\"alg\":\"none\"}") + "." + b64("{\"sub\":\"alice\",\"exp\":9999999999}") + ".";

        assertThatThrownBy(() -> jwt.verify(unsigned)).isInstanceOf(UnauthenticatedException.class)
                .hasMessageContaining("HS256");
    }

    @Test
    void anExpiredTokenIsRejectedAfterTheLeeway() {
        String token = jwt.issue("alice", List.of("uploader"), Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5).plusSeconds(30));
        assertThat(jwt.verify(token).subject()).isEqualTo("alice");

        clock.advance(Duration.ofSeconds(31));

        assertThatThrownBy(() -> jwt.verify(token)).isInstanceOf(UnauthenticatedException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void missingHeaderOrOtherSchemeOrGarbageIsRejected() {
        assertThatThrownBy(() -> jwt.authenticate(null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> jwt.authenticate("Basic YTpi")).hasMessageContaining("Bearer");
        assertThatThrownBy(() -> jwt.authenticate("Bearer abc")).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> jwt.authenticate("Bearer a.b.c")).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void anUnresolvedSecretsManagerArnIsRefusedRatherThanUsedAsTheKey() {
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:media/jwt-AbCdEf";

        assertThatThrownBy(() -> HmacJwt.fromSecrets(List.of(arn), clock, ClaimChecks.leeway(Duration.ZERO), json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ARN that was not resolved")
                .hasMessageContaining("#1");
        assertThatThrownBy(() -> HmacJwt.fromSecrets(List.of("a-development-secret-of-32-bytes!", arn), clock,
                ClaimChecks.leeway(Duration.ZERO), json)).hasMessageContaining("#2");
    }

    @Test
    void aShortSecretIsRefusedAtStartup() {
        assertThatThrownBy(() -> new HmacJwt(new byte[16], clock, Duration.ZERO, json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
