package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.usage.AlertState;
import dev.mediapipeline.domain.usage.UsageLevel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The alert level each metered resource is at, shared by every instance of the poller so that cold starts and
 * concurrent runs agree on what has already been announced. A resource without a stored state is at
 * {@link UsageLevel#OK}.
 */
public interface AlertStateStore {

    Optional<AlertState> find(String resource);

    List<AlertState> all();

    /**
     * Moves the resource from {@code expected} to {@code next}, only if it is still at {@code expected}.
     * Of any number of concurrent callers with the same {@code expected}, at most one gets {@code true}: only
     * that caller announces the change.
     */
    boolean changeLevel(String resource, UsageLevel expected, UsageLevel next, double ratio, Instant at);

    /** Records the latest ratio without touching the level (a resource seen for the first time starts at OK). */
    void observe(String resource, double ratio, Instant at);
}
