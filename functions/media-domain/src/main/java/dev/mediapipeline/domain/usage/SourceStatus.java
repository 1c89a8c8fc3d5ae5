package dev.mediapipeline.domain.usage;

/** Whether one source of figures (the provider, the bucket) answered this poll. */
public enum SourceStatus {
    OK("ok"),
    /** Not configured: nothing was asked. */
    OFF("off"),
    FAILED("failed");

    private final String code;

    SourceStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
