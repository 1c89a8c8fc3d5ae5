package dev.mediapipeline.domain.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * A part of a poll that could not be read, kept in the history next to the samples.
 *
 * @param source    the provider's name or {@value UsageSample#BUCKET}
 * @param reason    a {@link UsageUnavailableException} reason code, e.g. {@code malformed-response}
 * @param retryable whether a later poll may succeed without anyone changing anything
 */
public record PollFailure(Instant at, String source, String reason, String detail, boolean retryable) {

    public PollFailure {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }
}
