package dev.mediapipeline.domain.asset;

import java.util.Objects;

/** Why an asset ended FAILED: a reason code for machines and a sentence for people. */
public record Failure(FailureReason reason, String detail) {

    public Failure {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }
}
