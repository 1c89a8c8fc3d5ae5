package dev.mediapipeline.cloudinary;

import java.time.Duration;

/**
 * How the usage client talks to the Admin API. The SDK's default is no timeout at all, which would let one hung
 * connection hold a function until the platform kills it.
 *
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param readTimeout    the longest silence while waiting for response bytes
 */
public record UsageClientSettings(Duration connectTimeout, Duration readTimeout, RetryPolicy retry) {

    public static final UsageClientSettings DEFAULTS = new UsageClientSettings(Duration.ofSeconds(5),
            Duration.ofSeconds(15), RetryPolicy.DEFAULTS);

    public UsageClientSettings {
        if (!positive(connectTimeout) || !positive(readTimeout)) {
            throw new IllegalArgumentException("timeouts must be positive; got connect " + connectTimeout + ", read "
                    + readTimeout);
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
