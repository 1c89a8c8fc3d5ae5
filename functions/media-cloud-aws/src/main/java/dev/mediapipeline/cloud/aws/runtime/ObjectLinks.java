package dev.mediapipeline.cloud.aws.runtime;

import dev.mediapipeline.domain.port.ObjectUrls;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/** The URL an object is delivered from: a public base URL (CDN) when there is one, else its S3 URL. */
final class ObjectLinks {

    private ObjectLinks() {
    }

    static ObjectUrls of(String publicBaseUrl, URI endpoint, Region region, UnaryOperator<String> bucketOfKey) {
        if (publicBaseUrl != null && !publicBaseUrl.isBlank()) {
            String base = publicBaseUrl.endsWith("/") ? publicBaseUrl : publicBaseUrl + "/";
            return key -> base + encodePath(key);
        }
        if (endpoint != null) {
            String base = endpoint.toString().endsWith("/") ? endpoint.toString() : endpoint + "/";
            return key -> base + bucketOfKey.apply(key) + "/" + encodePath(key);
        }
        String domain = region.metadata() == null ? "amazonaws.com" : region.metadata().domain();
        return key -> "https://" + bucketOfKey.apply(key) + ".s3." + region.id() + "." + domain + "/" + encodePath(key);
    }

    /** Each path segment percent-encoded (spaces as {@code %20}), slashes kept. */
    static String encodePath(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }
}
