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
     * @param jwtSecret    HS256 secret(s) for bearer tokens, each at least 32 bytes; comma-separated during a rotation
     *                     (new first: tokens are issued with the first, any of them verifies); from Secret Manager /
     *                     Secrets Manager or the environment
     * @param requiredRole role a caller needs to sign uploads in folders that name no roles of their own
     * @param leeway       clock skew tolerated on exp/nbf
     * @param issuer       when set, tokens must carry exactly this {@code iss}
     * @param audience     when set, tokens must name this {@code aud} (a string or one of an array)
     * @param jwksUrl      when set, RS256 tokens are accepted too, verified with the keys this JWKS URL serves
     * @param jwksRefresh  how long fetched JWKS keys are used before they are fetched again
     */
    public record Auth(String jwtSecret, @DefaultValue("uploader") String requiredRole,
                       @DefaultValue("60s") Duration leeway, String issuer, String audience, String jwksUrl,
                       @DefaultValue("10m") Duration jwksRefresh) {

        /** The claim rules every token must meet: leeway, and issuer and audience when configured. */
        public dev.mediapipeline.support.auth.ClaimChecks claimChecks() {
            return new dev.mediapipeline.support.auth.ClaimChecks(leeway, issuer, audience);
        }

        /** The HS256 secrets, in order; empty when none is set. */
        public List<String> jwtSecrets() {
            if (jwtSecret == null || jwtSecret.isBlank()) {
                return List.of();
            }
            return java.util.Arrays.stream(jwtSecret.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }

    /**
     * @param validity       how long a signed upload stays usable (at most 7 days; a target may shorten it)
     * @param target         the default upload target: {@code s3}, {@code gcs}, {@code cloudinary} or {@code local};
     *                       unset picks the only one this deployment has (Cloudinary only when named)
     * @param keyPrefix      first segment of every original's key, unless a folder sets its own
     * @param allowedOrigins browser origins allowed to call sign-upload (CORS), e.g. {@code https://app.example.com}
     * @param folders        folder → its rule, e.g. {@code media.upload.folders.products.types[image/jpeg]=5MB};
     *                       these replace the built-in folders (products, avatars, banners, documents)
     * @param defaultFolders null (unset): the built-in folders only when no folder is configured; true: the
     *                       configured folders are merged over the built-in ones (a built-in folder keeps its types
     *                       and roles unless they are given); false: never the built-in folders
     */
    public record Upload(@DefaultValue("15m") Duration validity, String target,
                         @DefaultValue("originals") String keyPrefix, List<String> allowedOrigins,
                         Map<String, Folder> folders, Boolean defaultFolders) {

        public Upload {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            folders = folders == null ? Map.of() : folders;
        }
    }

    /**
     * One folder's rule.
     *
     * @param types     content type → largest size, e.g. {@code types[image/jpeg]=5MB}; at least one, unless the
     *                  folder is a built-in one (then its built-in types)
     * @param roles     a caller needs one of these; empty means the built-in folder's roles, else
     *                  {@code media.auth.required-role}
     * @param keyPrefix overrides {@code media.upload.key-prefix} for this folder
     * @param target    overrides {@code media.upload.target} for this folder
     */
    public record Folder(Map<String, DataSize> types, List<String> roles, String keyPrefix, String target) {
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
