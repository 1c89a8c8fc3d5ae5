package dev.mediapipeline.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every setting of the functions, bound once from properties or the environment
 * ({@code media.auth.jwt-secret} ⇐ {@code MEDIA_AUTH_JWT_SECRET}) and turned into domain values by
 * {@link MediaDomainConfiguration}. Functions never read the environment themselves.
 */
@ConfigurationProperties("media")
public record MediaProperties(
        @DefaultValue Auth auth,
        @DefaultValue Upload upload,
        @DefaultValue Thumbnails thumbnails,
        @DefaultValue("http://localhost:8080") String publicBaseUrl) {

    /**
     * @param jwtSecret    HS256 secret for bearer tokens (at least 32 bytes); from Secret Manager / Secrets Manager or the environment
     * @param requiredRole role a caller needs to sign uploads
     * @param leeway       clock skew tolerated on exp/nbf
     */
    public record Auth(String jwtSecret, @DefaultValue("uploader") String requiredRole,
                       @DefaultValue("60s") Duration leeway) {
    }

    /**
     * @param validity how long a signed upload stays usable
     * @param folders  folder → content type → cap, e.g. {@code media.upload.folders.products[image/jpeg]=5MB};
     *                 empty means the built-in defaults (products, avatars, banners, documents)
     */
    public record Upload(@DefaultValue("15m") Duration validity, Map<String, Map<String, DataSize>> folders) {
    }

    /**
     * @param sizes              longest edges in pixels
     * @param format             encoding of renditions of opaque originals: jpeg, png or webp
     * @param alphaFormat        encoding when the original has transparent pixels: png or webp keep them, jpeg
     *                           flattens them onto white
     * @param quality            lossy encoder quality in (0, 1]
     * @param maxPixels          images (and images inside PDFs) above this many pixels are refused from their header
     * @param maxBytes           objects above this size are refused without being read
     * @param maxFrames          animations with more frames are refused (only the first frame is rendered)
     * @param maxPdfPages        PDFs with more pages are refused (only page 1 is rendered)
     * @param timeBudget         wall-clock budget for one asset
     * @param lease              how long one attempt owns an asset before a redelivery may take over; longer than the
     *                           time budget
     * @param cdnBaseUrl         when set, each new rendition is requested once at {@code <cdnBaseUrl>/<object key>} so
     *                           that the CDN holds it before the first visitor asks
     * @param cdnPrefetchTimeout how long one warming request may take
     */
    public record Thumbnails(@DefaultValue({"256", "512", "1024"}) List<Integer> sizes,
                             @DefaultValue("jpeg") String format,
                             @DefaultValue("png") String alphaFormat,
                             @DefaultValue("0.85") float quality,
                             @DefaultValue("100000000") long maxPixels,
                             @DefaultValue("50MB") DataSize maxBytes,
                             @DefaultValue("10000") int maxFrames,
                             @DefaultValue("10000") int maxPdfPages,
                             @DefaultValue("30s") Duration timeBudget,
                             @DefaultValue("2m") Duration lease,
                             String cdnBaseUrl,
                             @DefaultValue("2s") Duration cdnPrefetchTimeout) {
    }
}
