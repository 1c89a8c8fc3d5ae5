package dev.mediapipeline.domain.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * One figure of one poll, as stored in the usage history.
 *
 * @param source   the provider's name (e.g. {@code cloudinary}) or {@value #BUCKET} for the media bucket
 * @param resource a provider resource ({@code storage}, {@code bandwidth}, ...) or a bucket folder
 * @param limit    null when there is none
 * @param ratio    usage / limit, null without a limit
 * @param objects  how many objects a bucket folder holds; null for provider resources
 */
public record UsageSample(Instant sampledAt, String source, String resource, String unit, double usage,
                          Double limit, Double ratio, Long objects) {

    public static final String BUCKET = "bucket";

    public UsageSample {
        Objects.requireNonNull(sampledAt, "sampledAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(unit, "unit");
    }

    public static UsageSample of(Instant at, String provider, ResourceUsage usage) {
        Double ratio = usage.ratio().isPresent() ? usage.ratio().getAsDouble() : null;
        return new UsageSample(at, provider, usage.resource(), usage.unit(), usage.usage(), usage.limit(), ratio, null);
    }

    public static UsageSample of(Instant at, FolderUsage folder) {
        return new UsageSample(at, BUCKET, folder.folder(), "bytes", folder.bytes(), null, null, folder.objects());
    }
}
