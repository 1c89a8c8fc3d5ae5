package dev.mediapipeline.fn.verifywebhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cloudinary's settings under the runbook's variable names: relaxed binding maps {@code CLOUDINARY_URL} to
 * {@code cloudinary.url}, {@code CLOUDINARY_API_SECRET} to {@code cloudinary.api-secret} and
 * {@code CLOUDINARY_WEBHOOK_SIGNING_SECRET} to {@code cloudinary.webhook.signing-secret}, in every runtime.
 * {@link CloudinaryCredentials} turns them into what verify-webhook uses.
 *
 * @param url       {@code cloudinary://<api key>:<api secret>@<cloud name>}; or give the three parts separately
 */
@ConfigurationProperties("cloudinary")
public record CloudinaryProperties(String url, String cloudName, String apiKey, String apiSecret,
                                   @DefaultValue Webhook webhook) {

    /**
     * @param signingSecret the secret Cloudinary signs notifications with, when the account has a dedicated one;
     *                      comma-separated during a rotation (old and new); empty means the API secret
     */
    public record Webhook(String signingSecret) {
    }
}
