package dev.mediapipeline.cloudinary;

import com.cloudinary.Configuration;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which Cloudinary account to talk to, and where its Admin API lives.
 *
 * @param apiBaseUrl {@value #DEFAULT_API_BASE_URL} unless a test or a proxy says otherwise
 */
public record CloudinaryAccount(String cloudName, String apiKey, String apiSecret, String apiBaseUrl) {

    public static final String DEFAULT_API_BASE_URL = "https://api.cloudinary.com";

    private static final String URL_SCHEME = "cloudinary://";
    /** What API keys (digits) and secrets (base64url) are made of, percent-escapes allowed. */
    private static final Pattern URL_PART = Pattern.compile("([A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+");

    /** Cloud names are letters, digits, '-' and '_'; anything else must not reach a URL path. */
    private static final Pattern CLOUD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    public CloudinaryAccount {
        if (cloudName == null || !CLOUD_NAME.matcher(cloudName).matches()) {
            throw new IllegalArgumentException("a Cloudinary cloud name is letters, digits, '-' and '_'; got '"
                    + cloudName + "'");
        }
        if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("the Cloudinary account " + cloudName
                    + " needs both an API key and an API secret");
        }
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API_BASE_URL : stripTrailingSlash(apiBaseUrl);
        URI base = URI.create(apiBaseUrl);
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("the Cloudinary API base URL must be http(s), got " + apiBaseUrl);
        }
    }

    /**
     * Reads a {@code cloudinary://key:secret@cloud} URL (the runbook's {@code CLOUDINARY_URL}) the way the Cloudinary
     * SDK does, including an {@code upload_prefix} query parameter that moves the API elsewhere.
     *
     * <p>The SDK's own errors quote the whole URL, secret included, and would reach the startup log; so the parts are
     * checked here first and a failure names only the part that is wrong, with neither the URL nor the SDK's error
     * attached.
     */
    public static CloudinaryAccount fromUrl(String cloudinaryUrl) {
        String url = Objects.requireNonNull(cloudinaryUrl, "cloudinaryUrl").strip();
        checkParts(url);
        Configuration config;
        try {
            config = Configuration.from(url);
        } catch (RuntimeException e) {
            throw malformed("its options after the cloud name (?...)");
        }
        return new CloudinaryAccount(config.cloudName, config.apiKey, config.apiSecret, config.uploadPrefix);
    }

    /** Scheme, key, secret and cloud name, each checked without showing anything after {@value #URL_SCHEME}. */
    private static void checkParts(String url) {
        if (!url.startsWith(URL_SCHEME)) {
            throw malformed("the scheme (it must start " + URL_SCHEME + ")");
        }
        String rest = url.substring(URL_SCHEME.length());
        int at = rest.lastIndexOf('@');
        if (at < 0) {
            throw malformed("the API key and API secret (there is no '@' before the cloud name)");
        }
        String credentials = rest.substring(0, at);
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            throw malformed("the API key and API secret (there is no ':' between them)");
        }
        if (!URL_PART.matcher(credentials.substring(0, colon)).matches()) {
            throw malformed("the API key (empty, or a character other than letters, digits, '-', '_', '.', '~' or a %-escape)");
        }
        if (!URL_PART.matcher(credentials.substring(colon + 1)).matches()) {
            throw malformed("the API secret (empty, or a character other than letters, digits, '-', '_', '.', '~' or a %-escape)");
        }
        String cloud = rest.substring(at + 1).split("[/?#]", 2)[0];
        if (!CLOUD_NAME.matcher(cloud).matches()) {
            throw malformed("the cloud name (letters, digits, '-' and '_')");
        }
    }

    private static IllegalArgumentException malformed(String part) {
        return new IllegalArgumentException("CLOUDINARY_URL is malformed in " + part + ": it must look like "
                + URL_SCHEME + "<api key>:<api secret>@<cloud name>");
    }

    public CloudinaryAccount withApiBaseUrl(String baseUrl) {
        return new CloudinaryAccount(cloudName, apiKey, apiSecret, baseUrl);
    }

    /** The usage endpoint of this account's Admin API. */
    public URI usageUri() {
        return URI.create(apiBaseUrl + "/v1_1/" + cloudName + "/usage");
    }

    /** The upload endpoint of this account for a resource type ({@code image}, {@code video}, {@code raw}). */
    public URI uploadUri(String resourceType) {
        return URI.create(apiBaseUrl + "/v1_1/" + cloudName + "/" + resourceType + "/upload");
    }

    /**
     * The account from {@code CLOUDINARY_URL} or, when that is unset, the three separate settings; empty when none of
     * them is set. The URL wins when both forms are given.
     *
     * @throws IllegalArgumentException naming what is missing (never a secret) when only some are set
     */
    public static java.util.Optional<CloudinaryAccount> resolve(String url, String cloudName, String apiKey,
                                                                 String apiSecret) {
        if (present(url)) {
            return java.util.Optional.of(fromUrl(url));
        }
        if (!present(cloudName) && !present(apiKey) && !present(apiSecret)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new CloudinaryAccount(cloudName, apiKey, apiSecret, null));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Never shows the secret, so the record can be logged. */
    @Override
    public String toString() {
        return "CloudinaryAccount[cloudName=" + cloudName + ", apiKey=" + apiKey + ", apiSecret=***, apiBaseUrl="
                + apiBaseUrl + "]";
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
