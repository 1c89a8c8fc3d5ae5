package dev.mediapipeline.fn.pollusage;

import dev.mediapipeline.cloudinary.CloudinaryAccount;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Cloudinary account, under the runbook's variable names: {@code CLOUDINARY_URL}
 * ({@code cloudinary://key:secret@cloud}) or {@code CLOUDINARY_CLOUD_NAME}, {@code CLOUDINARY_API_KEY} and
 * {@code CLOUDINARY_API_SECRET}. Spring's relaxed binding maps those variables to {@code cloudinary.url},
 * {@code cloudinary.cloud-name}, ... so they can also be given as properties. When both forms are set, the URL wins.
 */
@ConfigurationProperties("cloudinary")
public record CloudinaryProperties(String url, String cloudName, String apiKey, String apiSecret) {

    /** Whether anything at all was set: a half-configured account is an error, not "off". */
    public boolean isConfigured() {
        return present(url) || present(cloudName) || present(apiKey) || present(apiSecret);
    }

    /** @throws IllegalStateException naming the variables to set (never their values) when the account is incomplete */
    public CloudinaryAccount account(String apiBaseUrl) {
        try {
            CloudinaryAccount account = present(url) ? CloudinaryAccount.fromUrl(url)
                    : new CloudinaryAccount(cloudName, apiKey, apiSecret, null);
            return present(apiBaseUrl) ? account.withApiBaseUrl(apiBaseUrl) : account;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Cloudinary is half configured: " + e.getMessage() + ". Set CLOUDINARY_URL="
                    + "cloudinary://<api key>:<api secret>@<cloud name>, or all of CLOUDINARY_CLOUD_NAME, "
                    + "CLOUDINARY_API_KEY and CLOUDINARY_API_SECRET; or none of them to turn provider usage off", e);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
