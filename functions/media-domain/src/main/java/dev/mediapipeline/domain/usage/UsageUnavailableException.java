package dev.mediapipeline.domain.usage;

import dev.mediapipeline.domain.error.PipelineException;

import java.util.Objects;

/**
 * A provider could not tell its usage. {@link #reason()} is a stable code for logs, reports and the history;
 * {@link #isRetryable()} says whether asking again later can help.
 */
public class UsageUnavailableException extends PipelineException {

    /** 420 or 429 from the provider, still refused after the retries. */
    public static final String RATE_LIMITED = "rate-limited";
    /** 5xx from the provider, still failing after the retries. */
    public static final String UNAVAILABLE = "unavailable";
    /** No answer within the read timeout. */
    public static final String TIMEOUT = "timeout";
    /** No connection (DNS, refused, TLS). */
    public static final String UNREACHABLE = "unreachable";
    /** The provider refused the request itself (credentials, account, URL): fix the configuration. */
    public static final String REJECTED = "rejected";
    /** A 200 whose body is not a usage report. */
    public static final String MALFORMED_RESPONSE = "malformed-response";

    private final String reason;
    private final boolean retryable;

    public UsageUnavailableException(String reason, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryable = retryable;
    }

    public static UsageUnavailableException transientFault(String reason, String message, Throwable cause) {
        return new UsageUnavailableException(reason, message, true, cause);
    }

    public static UsageUnavailableException permanent(String reason, String message, Throwable cause) {
        return new UsageUnavailableException(reason, message, false, cause);
    }

    public String reason() {
        return reason;
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
