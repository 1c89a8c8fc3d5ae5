package dev.mediapipeline.cloudinary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudinaryAccountTest {

    @Test
    void aCloudinaryUrlGivesTheAccountAndTheDefaultApi() {
        CloudinaryAccount account = CloudinaryAccount.fromUrl("cloudinary://123456:s3cr3t@demo-cloud");

        assertThat(account).isEqualTo(new CloudinaryAccount("demo-cloud", "123456", "s3cr3t",
                CloudinaryAccount.DEFAULT_API_BASE_URL));
        assertThat(account.usageUri()).hasToString("https://api.cloudinary.com/v1_1/demo-cloud/usage");
    }

    @Test
    void anUploadPrefixInTheUrlMovesTheApi_andAnExplicitBaseUrlWins() {
        CloudinaryAccount account = CloudinaryAccount.fromUrl("cloudinary://1:s@demo?upload_prefix=http://localhost:9999/");

        assertThat(account.apiBaseUrl()).isEqualTo("http://localhost:9999");
        assertThat(account.withApiBaseUrl("http://127.0.0.1:1234").usageUri())
                .hasToString("http://127.0.0.1:1234/v1_1/demo/usage");
    }

    @Test
    void aUrlOfTheWrongShapeSaysWhichShapeIsExpected() {
        assertThatThrownBy(() -> CloudinaryAccount.fromUrl("https://123456:s3cr3t@demo-cloud"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cloudinary://<api key>:<api secret>@<cloud name>")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void anAccountWithoutCredentialsOrWithAPathInItsNameIsRefused() {
        assertThatThrownBy(() -> CloudinaryAccount.fromUrl("cloudinary://demo-cloud"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("API key and API secret");
        assertThatThrownBy(() -> new CloudinaryAccount("demo/../admin", "k", "s", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cloud name");
        assertThatThrownBy(() -> new CloudinaryAccount("demo", "k", "s", "ftp://example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)");
    }

    @Test
    void surroundingWhitespaceIsStripped() {
        assertThat(CloudinaryAccount.fromUrl("  cloudinary://123456:s3cr3t@demo-cloud\n").cloudName())
                .isEqualTo("demo-cloud");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cloudinary:/123456:s3cr3t-value@demo-cloud | scheme",
            "cloudinary://12 34:s3cr3t-value@demo-cloud | API key (",
            "cloudinary://123456:s3cr3t value@demo-cloud | API secret (",
            "cloudinary://123456:s3cr3t%zzvalue@demo-cloud | API secret (",
            "cloudinary://123456:s3cr3t-value@demo cloud | cloud name",
            "cloudinary://123456:s3cr3t-value@demo-cloud?upload_prefix=http://a b | options"})
    void aMalformedUrlSaysWhichPartIsWrong_andNeitherMessageNorCauseShowsAnyOfIt(String url, String part) {
        assertThatThrownBy(() -> CloudinaryAccount.fromUrl(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(part).hasNoCause()
                .hasMessageNotContaining("s3cr3t").hasMessageNotContaining("123456").hasMessageNotContaining("demo");
    }

    @Test
    void theSecretNeverShowsInTheTextOfTheAccount() {
        assertThat(new CloudinaryAccount("demo", "123456", "s3cr3t", null).toString())
                .contains("123456").doesNotContain("s3cr3t");
    }
}
