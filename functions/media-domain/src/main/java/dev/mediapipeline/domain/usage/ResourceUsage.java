package dev.mediapipeline.domain.usage;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One metered resource as the provider reports it.
 *
 * @param resource the provider's name for it, e.g. {@code storage}, {@code bandwidth}, {@code transformations}
 * @param unit     {@code bytes}, {@code count} or {@code credits}
 * @param limit    null when the plan sets no limit for it (the provider sent none, or zero)
 */
public record ResourceUsage(String resource, String unit, double usage, Double limit) {

    public ResourceUsage {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(unit, "unit");
        if (limit != null && !(limit > 0)) {
            throw new IllegalArgumentException("a limit is positive or absent; " + resource + " had " + limit);
        }
    }

    public boolean hasLimit() {
        return limit != null;
    }

    /** usage / limit, computed here because providers do not send it for every resource; empty without a limit. */
    public OptionalDouble ratio() {
        return limit == null ? OptionalDouble.empty() : OptionalDouble.of(usage / limit);
    }
}
