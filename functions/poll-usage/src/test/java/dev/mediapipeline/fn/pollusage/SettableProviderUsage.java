package dev.mediapipeline.fn.pollusage;

import dev.mediapipeline.domain.port.ProviderUsage;
import dev.mediapipeline.domain.usage.ProviderUsageSnapshot;
import dev.mediapipeline.domain.usage.ResourceUsage;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/** A provider whose usage the test sets; optionally holds every caller until all of them have asked. */
final class SettableProviderUsage implements ProviderUsage {

    static final double LIMIT = 10_000_000_000d;

    private volatile List<ResourceUsage> resources = List.of();
    private volatile CyclicBarrier barrier;

    /** Storage at {@code ratio} of a 10 GB limit, plus bandwidth without a limit. */
    SettableProviderUsage storageAt(double ratio) {
        resources = List.of(new ResourceUsage("storage", "bytes", ratio * LIMIT, LIMIT),
                new ResourceUsage("bandwidth", "bytes", 123_456_789, null));
        return this;
    }

    SettableProviderUsage holdUntil(int callers) {
        barrier = new CyclicBarrier(callers);
        return this;
    }

    @Override
    public String provider() {
        return "cloudinary";
    }

    @Override
    public ProviderUsageSnapshot current() {
        CyclicBarrier gate = barrier;
        if (gate != null) {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the concurrent polls did not meet", e);
            }
        }
        return new ProviderUsageSnapshot("cloudinary", "Plus", "2026-04-01", resources);
    }
}
