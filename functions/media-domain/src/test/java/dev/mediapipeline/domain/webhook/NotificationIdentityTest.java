package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.asset.AssetId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationIdentityTest {

    @Test
    void theIdentityIsTheSha256OfTheRawBodyInLowerCaseHex() {
        // printf '{}' | sha256sum
        assertThat(NotificationIdentity.of("{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    @Test
    void theSameBodyAlwaysHasTheSameIdentityAndOneChangedByteAnother() {
        byte[] body = "{\"public_id\":\"products/a\"}".getBytes(StandardCharsets.UTF_8);
        byte[] other = "{\"public_id\":\"products/b\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(NotificationIdentity.of(body)).isEqualTo(NotificationIdentity.of(body.clone()))
                .isNotEqualTo(NotificationIdentity.of(other));
        assertThat(NotificationIdentity.isWellFormed(NotificationIdentity.of(body))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "44136FA355B3678A1146AD16F7E8649E94FB4FC21FE77E8310C060F61CAAFF8A"})
    void onlySixtyFourLowerCaseHexDigitsAreAnIdentity(String text) {
        assertThat(NotificationIdentity.isWellFormed(text)).isFalse();
    }

    @Test
    void ourPublicIdsLeadBackToTheAssetAndOthersDoNot() {
        AssetId id = AssetId.parse("0b6f4a9e-3f5c-4c1e-9d7a-2f9a1c3e5b7d");

        assertThat(PublicIds.assetIdOf(PublicIds.publicIdFor("products", id))).contains(id);
        assertThat(PublicIds.assetIdOf("nested/folders/" + id)).contains(id);
        assertThat(PublicIds.assetIdOf(id.toString())).contains(id);
        assertThat(PublicIds.assetIdOf("products/sample")).isEmpty();
        assertThat(PublicIds.assetIdOf("products/" + id + ".jpg")).isEmpty();
        assertThat(PublicIds.assetIdOf(id + "/products")).isEmpty();
        assertThat(PublicIds.assetIdOf(null)).isEmpty();
    }
}
