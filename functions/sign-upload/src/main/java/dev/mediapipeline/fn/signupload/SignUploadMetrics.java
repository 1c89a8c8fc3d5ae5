package dev.mediapipeline.fn.signupload;

import dev.mediapipeline.domain.port.UploadSigner;
import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * sign-upload's meters, exported by Prometheus as {@code media_uploads_total{status}} (one per sign request, by
 * outcome) and {@code media_upload_signing_duration_seconds{target}} (the signer alone, without auth or catalog).
 */
public final class SignUploadMetrics {

    static final String UPLOADS = "media.uploads";
    static final String SIGNING_DURATION = "media.upload.signing.duration";

    private final MeterRegistry registry;

    public SignUploadMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters kept in memory only, where nothing exports them. */
    public static SignUploadMetrics inMemory() {
        return new SignUploadMetrics(new SimpleMeterRegistry());
    }

    /** {@code status}: signed, invalid, unauthenticated, forbidden, too_large, unsupported_type, unavailable, ... */
    void countOutcome(int httpStatus) {
        Counter.builder(UPLOADS)
                .description("Sign requests by outcome")
                .tag("status", statusOf(httpStatus))
                .register(registry)
                .increment();
    }

    static String statusOf(int httpStatus) {
        return switch (httpStatus) {
            case 200 -> "signed";
            case 400 -> "invalid";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 415 -> "unsupported_type";
            case 501 -> "not_supported";
            case 503 -> "unavailable";
            default -> httpStatus >= 500 ? "error" : "refused";
        };
    }

    /** The signer with its latency recorded under its target's name. */
    UploadSigner timed(UploadSigner signer) {
        Timer timer = Timer.builder(SIGNING_DURATION)
                .description("Time to sign one upload, by target")
                .tag("target", signer.target())
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        return new UploadSigner() {
            @Override
            public String target() {
                return signer.target();
            }

            @Override
            public SignedUpload sign(UploadGrant grant) {
                return timer.record(() -> signer.sign(grant));
            }
        };
    }
}
