package dev.mediapipeline.fn.verifywebhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The Cloudinary account, resolved from {@link CloudinaryProperties} once at startup.
 *
 * <p>{@code CLOUDINARY_URL} and the separate variables may both be set, but must then agree: a silent choice between
 * two different secrets would make every notification fail verification with no hint why. The signing secrets are
 * {@code CLOUDINARY_WEBHOOK_SIGNING_SECRET} split on commas, or else the API secret, which Cloudinary signs with
 * when the account has no dedicated notification key. Messages never contain a secret.
 *
 * @param signingSecrets every secret a notification may be signed with, in the order given
 */
public record CloudinaryCredentials(String cloudName, String apiKey, String apiSecret, List<String> signingSecrets) {

    private static final String SCHEME = "cloudinary://";

    public CloudinaryCredentials {
        signingSecrets = List.copyOf(signingSecrets);
    }

    /** @throws IllegalStateException when the settings are contradictory or give no secret at all */
    public static CloudinaryCredentials from(CloudinaryProperties properties) {
        String cloudName = blankToNull(properties.cloudName());
        String apiKey = blankToNull(properties.apiKey());
        String apiSecret = blankToNull(properties.apiSecret());
        String url = blankToNull(properties.url());
        if (url != null) {
            Parsed parsed = parse(url);
            cloudName = agree("CLOUDINARY_CLOUD_NAME", cloudName, parsed.cloudName());
            apiKey = agree("CLOUDINARY_API_KEY", apiKey, parsed.apiKey());
            apiSecret = agree("CLOUDINARY_API_SECRET", apiSecret, parsed.apiSecret());
        }
        List<String> signing = split(properties.webhook() == null ? null : properties.webhook().signingSecret());
        if (signing.isEmpty() && apiSecret != null) {
            signing = List.of(apiSecret);
        }
        if (signing.isEmpty()) {
            throw new IllegalStateException("verify-webhook needs the secret Cloudinary signs notifications with: set "
                    + "CLOUDINARY_WEBHOOK_SIGNING_SECRET (comma-separated during a rotation), or CLOUDINARY_API_SECRET, "
                    + "or CLOUDINARY_URL=cloudinary://<api key>:<api secret>@<cloud name>");
        }
        return new CloudinaryCredentials(cloudName, apiKey, apiSecret, signing);
    }

    private record Parsed(String cloudName, String apiKey, String apiSecret) {
    }

    private static Parsed parse(String url) {
        if (!url.startsWith(SCHEME)) {
            throw new IllegalStateException("CLOUDINARY_URL must look like cloudinary://<api key>:<api secret>@<cloud name>");
        }
        String rest = url.substring(SCHEME.length());
        int at = rest.lastIndexOf('@');
        int colon = at < 0 ? -1 : rest.indexOf(':');
        if (at < 0 || colon < 0 || colon > at) {
            throw new IllegalStateException("CLOUDINARY_URL must look like cloudinary://<api key>:<api secret>@<cloud name>"
                    + " (the key, the secret or the cloud name is missing)");
        }
        String cloud = rest.substring(at + 1).split("[/?#]", 2)[0];
        Parsed parsed = new Parsed(blankToNull(decode(cloud, "cloud name")),
                blankToNull(decode(rest.substring(0, colon), "API key")),
                blankToNull(decode(rest.substring(colon + 1, at), "API secret")));
        if (parsed.cloudName() == null || parsed.apiKey() == null || parsed.apiSecret() == null) {
            throw new IllegalStateException("CLOUDINARY_URL must look like cloudinary://<api key>:<api secret>@<cloud name>"
                    + " (the key, the secret or the cloud name is empty)");
        }
        return parsed;
    }

    private static String agree(String variable, String separate, String fromUrl) {
        if (separate != null && !separate.equals(fromUrl)) {
            throw new IllegalStateException(variable + " and CLOUDINARY_URL are both set and disagree; remove one");
        }
        return fromUrl;
    }

    private static List<String> split(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The decoder's own error quotes the text, which may be the secret: only the part's name is reported. */
    private static String decode(String text, String part) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CLOUDINARY_URL is malformed in the " + part + " (a '%' not followed by two "
                    + "hex digits): it must look like cloudinary://<api key>:<api secret>@<cloud name>");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "CloudinaryCredentials[cloudName=" + cloudName + ", apiKey=" + apiKey + ", signingSecrets="
                + signingSecrets.size() + "]";
    }
}
