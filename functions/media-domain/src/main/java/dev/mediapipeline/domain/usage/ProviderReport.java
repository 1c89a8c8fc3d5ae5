package dev.mediapipeline.domain.usage;

/**
 * What the poll learnt from the media provider.
 *
 * @param provider null when none is configured
 * @param plan     null unless the provider answered and named one
 * @param failure  set exactly when {@code status} is FAILED
 * @param detail   a sentence for people
 */
public record ProviderReport(String provider, SourceStatus status, String plan, String lastUpdated,
                             PollFailure failure, String detail) {

    public static ProviderReport off() {
        return new ProviderReport(null, SourceStatus.OFF, null, null, null,
                "provider usage is off: no media provider is configured");
    }

    public static ProviderReport ok(ProviderUsageSnapshot snapshot) {
        return new ProviderReport(snapshot.provider(), SourceStatus.OK, snapshot.plan(), snapshot.lastUpdated(), null,
                snapshot.resources().size() + " metered resources reported");
    }

    public static ProviderReport failed(String provider, PollFailure failure) {
        return new ProviderReport(provider, SourceStatus.FAILED, null, null, failure,
                "provider usage could not be read (" + failure.reason() + "): " + failure.detail());
    }
}
