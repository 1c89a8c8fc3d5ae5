package dev.mediapipeline.domain.usage;

import dev.mediapipeline.domain.port.AlertSink;
import dev.mediapipeline.domain.port.AlertStateStore;
import dev.mediapipeline.domain.port.ProviderUsage;
import dev.mediapipeline.domain.port.StorageUsage;
import dev.mediapipeline.domain.port.UsageHistory;
import dev.mediapipeline.domain.port.UsageMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * poll-usage: reads the provider's quota and the bucket's bytes per folder, stores every figure, publishes them
 * as metrics, and announces a resource's level only when it changes.
 *
 * <p>A source that cannot be read is recorded as a failed part of the poll, and the rest of the poll goes on:
 * storage figures are still worth having while the provider is down. A failed provider read leaves every alert
 * level as it was, so an outage (or a body that is not a usage report) never sends "resolved" for everything.
 * The poll itself is not retried on such a failure; the next scheduled poll is the retry, which keeps a
 * rate-limited API from being asked again at once.
 *
 * <p>Alert levels live in an {@link AlertStateStore}. A change is claimed with a compare-and-set before it is
 * announced, so two polls running at once announce it once; when the sink fails the claim is undone, so that the
 * next poll announces it instead of nobody.
 */
public final class PollUsageService {

    private static final Logger log = LoggerFactory.getLogger(PollUsageService.class);
    /** Each lost compare-and-set means another poll changed the level; a handful of rounds is plenty. */
    private static final int MAX_ROUNDS = 5;

    private final Optional<ProviderUsage> provider;
    private final StorageUsage storage;
    private final UsageHistory history;
    private final AlertStateStore states;
    private final AlertSink sink;
    private final UsageMetrics metrics;
    private final AlertThresholds thresholds;
    private final Clock clock;

    /** @param provider empty when no media provider is configured: the poll then reports storage only */
    public PollUsageService(Optional<ProviderUsage> provider, StorageUsage storage, UsageHistory history,
                            AlertStateStore states, AlertSink sink, UsageMetrics metrics, AlertThresholds thresholds,
                            Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.history = Objects.requireNonNull(history, "history");
        this.states = Objects.requireNonNull(states, "states");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs one poll. Database faults propagate (the platform retries the invocation); provider and bucket faults
     * are reported in the result.
     */
    public UsageReport poll() {
        Instant now = clock.instant();
        List<UsageSample> samples = new ArrayList<>();

        Optional<ProviderUsageSnapshot> snapshot = Optional.empty();
        ProviderReport providerReport;
        if (provider.isEmpty()) {
            providerReport = ProviderReport.off();
        } else {
            String name = provider.get().provider();
            try {
                snapshot = Optional.of(provider.get().current());
                providerReport = ProviderReport.ok(snapshot.get());
                snapshot.get().resources().forEach(resource -> samples.add(UsageSample.of(now, name, resource)));
            } catch (UsageUnavailableException e) {
                PollFailure failure = new PollFailure(now, name, e.reason(), e.getMessage(), e.isRetryable());
                providerReport = ProviderReport.failed(name, failure);
            }
        }

        StorageReport storageReport = readStorage(now);
        storageReport.folders().forEach(folder -> samples.add(UsageSample.of(now, folder)));

        history.record(samples);
        recordFailure(providerReport.failure());
        recordFailure(storageReport.failure());

        List<ResourceReport> resources = new ArrayList<>();
        List<SentAlert> alerts = new ArrayList<>();
        snapshot.ifPresent(s -> s.resources().forEach(resource -> {
            if (!resource.hasLimit()) {
                resources.add(new ResourceReport(resource.resource(), resource.unit(), resource.usage(), null, null, null));
                return;
            }
            double ratio = resource.ratio().getAsDouble();
            Evaluation evaluation = evaluate(s.provider(), resource, ratio, now);
            evaluation.alert().ifPresent(alerts::add);
            resources.add(new ResourceReport(resource.resource(), resource.unit(), resource.usage(), resource.limit(),
                    ratio, evaluation.level()));
        }));

        UsageReport report = new UsageReport(now, providerReport, resources, storageReport, alerts);
        publish(report);
        log.atInfo().addKeyValue("provider", providerReport.provider())
                .addKeyValue("providerStatus", providerReport.status().code())
                .addKeyValue("resources", resources.size())
                .addKeyValue("storageStatus", storageReport.status().code())
                .addKeyValue("folders", storageReport.folders().size())
                .addKeyValue("alerts", alerts.size())
                .log("usage polled: {}", providerReport.detail());
        return report;
    }

    private StorageReport readStorage(Instant now) {
        try {
            return new StorageReport(SourceStatus.OK, storage.bytesByFolder(), null);
        } catch (IOException | UncheckedIOException e) {
            PollFailure failure = new PollFailure(now, UsageSample.BUCKET, UsageUnavailableException.UNAVAILABLE,
                    "the bucket could not be listed: " + e.getMessage(), true);
            return new StorageReport(SourceStatus.FAILED, List.of(), failure);
        }
    }

    private void recordFailure(PollFailure failure) {
        if (failure == null) {
            return;
        }
        history.recordFailure(failure);
        log.atWarn().addKeyValue("source", failure.source()).addKeyValue("reason", failure.reason())
                .addKeyValue("retryable", failure.retryable())
                .log("usage poll could not read {}: {}", failure.source(), failure.detail());
    }

    private record Evaluation(UsageLevel level, Optional<SentAlert> alert) {
    }

    private Evaluation evaluate(String providerName, ResourceUsage resource, double ratio, Instant now) {
        String name = resource.resource();
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            UsageLevel current = states.find(name).map(AlertState::level).orElse(UsageLevel.OK);
            UsageLevel next = thresholds.next(current, ratio);
            if (next == current) {
                states.observe(name, ratio, now);
                return new Evaluation(current, Optional.empty());
            }
            if (!states.changeLevel(name, current, next, ratio, now)) {
                continue;
            }
            Optional<AlertLevel> level = AlertLevel.forChange(current, next);
            if (level.isEmpty()) {
                return new Evaluation(next, Optional.empty());
            }
            UsageAlert alert = new UsageAlert(providerName, name, level.get(), resource.unit(), resource.usage(),
                    resource.limit(), ratio, now, AlertText.of(providerName, resource, level.get(), ratio));
            if (deliver(alert)) {
                return new Evaluation(next, Optional.of(new SentAlert(name, level.get(), ratio, true)));
            }
            if (!states.changeLevel(name, next, current, ratio, now)) {
                log.atWarn().addKeyValue("resource", name).addKeyValue("level", next.code())
                        .log("an undelivered alert could not be taken back: another poll changed the level meanwhile");
            }
            return new Evaluation(current, Optional.of(new SentAlert(name, level.get(), ratio, false)));
        }
        log.atWarn().addKeyValue("resource", name).addKeyValue("rounds", MAX_ROUNDS)
                .log("the alert level kept changing under this poll; leaving it to the concurrent poll");
        UsageLevel latest = states.find(name).map(AlertState::level).orElse(UsageLevel.OK);
        return new Evaluation(latest, Optional.empty());
    }

    private boolean deliver(UsageAlert alert) {
        try {
            sink.send(alert);
            log.atInfo().addKeyValue("resource", alert.resource()).addKeyValue("level", alert.level().code())
                    .addKeyValue("ratio", alert.ratio()).log("usage alert sent: {}", alert.text());
            return true;
        } catch (RuntimeException e) {
            log.atError().addKeyValue("resource", alert.resource()).addKeyValue("level", alert.level().code())
                    .setCause(e).log("usage alert could not be delivered; the next poll sends it again");
            return false;
        }
    }

    /** Metrics are a view of the report; losing them must not lose the poll (its figures are stored already). */
    private void publish(UsageReport report) {
        try {
            metrics.publish(report);
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).log("usage metrics could not be published");
        }
    }
}
