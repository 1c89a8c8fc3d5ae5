package dev.mediapipeline.domain.usage;

import java.time.Instant;
import java.util.List;

/** Everything one poll learnt and did. */
public record UsageReport(Instant polledAt, ProviderReport provider, List<ResourceReport> resources,
                          StorageReport storage, List<SentAlert> alerts) {

    public UsageReport {
        resources = List.copyOf(resources);
        alerts = List.copyOf(alerts);
    }
}
