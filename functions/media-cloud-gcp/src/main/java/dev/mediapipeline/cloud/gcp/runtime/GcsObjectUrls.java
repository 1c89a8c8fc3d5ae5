package dev.mediapipeline.cloud.gcp.runtime;

import dev.mediapipeline.domain.port.ObjectUrls;
import dev.mediapipeline.runtime.PrefixRoutedBlobStore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Object URLs on GCP: {@code <publicBaseUrl>/<key>} behind a CDN, else the object's own
 * {@code https://storage.googleapis.com/<bucket>/<key>} in whichever bucket holds it. Each path segment is
 * percent-encoded; the slashes stay.
 */
final class GcsObjectUrls implements ObjectUrls {

    private final String publicBaseUrl;
    private final String originalsBucket;
    private final String derivedBucket;

    GcsObjectUrls(String publicBaseUrl, String originalsBucket, String derivedBucket) {
        this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : publicBaseUrl.replaceAll("/+$", "");
        this.originalsBucket = originalsBucket;
        this.derivedBucket = derivedBucket;
    }

    @Override
    public String urlOf(String objectKey) {
        String path = URLEncoder.encode(objectKey, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
        if (publicBaseUrl != null) {
            return publicBaseUrl + "/" + path;
        }
        String bucket = objectKey.startsWith(PrefixRoutedBlobStore.DERIVED_PREFIX) ? derivedBucket : originalsBucket;
        return "https://storage.googleapis.com/" + bucket + "/" + path;
    }
}
