package dev.mediapipeline.fn.verifywebhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudinaryCredentialsTest {

    private static CloudinaryProperties properties(String url, String cloudName, String apiKey, String apiSecret,
                                                   String signingSecret) {
        return new CloudinaryProperties(url, cloudName, apiKey, apiSecret, new CloudinaryProperties.Webhook(signingSecret));
    }

    @Test
    void theUrlGivesTheCloudTheKeyAndTheSecret_whichSignsNotificationsWhenNoDedicatedSecretIsSet() {
        CloudinaryCredentials credentials = CloudinaryCredentials.from(
                properties("cloudinary://123456789012345:abcDEF-ghi_JKL@demo-cloud", null, null, null, null));

        assertThat(credentials.cloudName()).isEqualTo("demo-cloud");
        assertThat(credentials.apiKey()).isEqualTo("123456789012345");
        assertThat(credentials.apiSecret()).isEqualTo("abcDEF-ghi_JKL");
        assertThat(credentials.signingSecrets()).containsExactly("abcDEF-ghi_JKL");
    }

    @Test
    void theThreeSeparateVariablesWorkWithoutAUrl() {
        CloudinaryCredentials credentials = CloudinaryCredentials.from(properties(null, "demo", "key", "secret", null));

        assertThat(credentials.cloudName()).isEqualTo("demo");
        assertThat(credentials.signingSecrets()).containsExactly("secret");
    }

    @Test
    void aDedicatedSigningSecretWinsOverTheApiSecret_andACommaSeparatedListIsARotation() {
        CloudinaryCredentials credentials = CloudinaryCredentials.from(
                properties("cloudinary://key:api-secret@demo", null, null, null, " old-secret , new-secret ,"));

        assertThat(credentials.signingSecrets()).containsExactly("old-secret", "new-secret");
        assertThat(credentials.apiSecret()).isEqualTo("api-secret");
    }

    @Test
    void aSigningSecretAloneIsEnoughForVerifyWebhook() {
        assertThat(CloudinaryCredentials.from(properties(null, null, null, null, "only-this")).signingSecrets())
                .containsExactly("only-this");
    }

    @Test
    void aUrlWithQueryParametersOrPercentEscapesIsRead() {
        CloudinaryCredentials credentials = CloudinaryCredentials.from(
                properties("cloudinary://key:se%2Fcret@demo?secure=true", null, null, null, null));

        assertThat(credentials.cloudName()).isEqualTo("demo");
        assertThat(credentials.apiSecret()).isEqualTo("se/cret");
    }

    @Test
    void theUrlAndASeparateVariableThatDisagreeStopTheStartWithoutShowingTheSecret() {
        assertThatThrownBy(() -> CloudinaryCredentials.from(
                properties("cloudinary://key:secret-one@demo", null, null, "secret-two", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLOUDINARY_API_SECRET")
                .hasMessageNotContaining("secret-one").hasMessageNotContaining("secret-two");
    }

    @Test
    void theUrlAndASeparateVariableThatAgreeAreFine() {
        assertThat(CloudinaryCredentials.from(properties("cloudinary://key:secret@demo", "demo", "key", "secret", null))
                .signingSecrets()).containsExactly("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://key:secret@demo", "cloudinary://demo", "cloudinary://key@demo",
            "cloudinary://key:@demo", "cloudinary://:secret@demo", "cloudinary://key:secret@"})
    void aMalformedUrlStopsTheStartWithoutShowingIt(String url) {
        assertThatThrownBy(() -> CloudinaryCredentials.from(properties(url, null, null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cloudinary://<api key>:<api secret>@<cloud name>")
                .hasMessageNotContaining("secret@");
    }

    @Test
    void aBadPercentEscapeInTheSecretIsReportedWithoutQuotingIt() {
        assertThatThrownBy(() -> CloudinaryCredentials.from(properties("cloudinary://key:pq%zzrs@demo", null, null,
                null, null))).isInstanceOf(IllegalStateException.class).hasNoCause()
                .hasMessageContaining("API secret").hasMessageNotContaining("zz").hasMessageNotContaining("pq");
    }

    @Test
    void noSecretAtAllStopsTheStartAndNamesTheVariables() {
        assertThatThrownBy(() -> CloudinaryCredentials.from(properties(null, "demo", "key", " ", "  ,  ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLOUDINARY_WEBHOOK_SIGNING_SECRET")
                .hasMessageContaining("CLOUDINARY_URL");
    }

    @Test
    void printingTheCredentialsNeverShowsASecret() {
        assertThat(CloudinaryCredentials.from(properties("cloudinary://key:top-secret@demo", null, null, null, "sign-1"))
                .toString()).doesNotContain("top-secret").doesNotContain("sign-1");
    }
}
