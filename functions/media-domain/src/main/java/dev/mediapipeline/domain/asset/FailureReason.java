package dev.mediapipeline.domain.asset;

import java.util.Arrays;

/** Machine-readable reasons for a terminal failure. The code is what clients and logs see. */
public enum FailureReason {
    /** The object has no bytes. */
    EMPTY("empty"),
    /** The bytes claim a format but cannot be decoded (truncated, broken structure). */
    CORRUPT("corrupt"),
    /** The content, sniffed from its bytes, is not a type the folder allows. */
    TYPE("type"),
    /** Bytes, pixels, frames or pages over a configured limit. */
    TOO_LARGE("too-large"),
    /** The per-asset time budget ran out. */
    TIMEOUT("timeout"),
    /** The document is protected by a user password. */
    ENCRYPTED("encrypted"),
    /** A valid file of a kind this pipeline cannot process. */
    UNSUPPORTED("unsupported"),
    /** An event for an object the catalog does not know. */
    UNKNOWN_OBJECT("unknown-object");

    private final String code;

    FailureReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static FailureReason fromCode(String code) {
        return Arrays.stream(values())
                .filter(reason -> reason.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown failure reason: " + code));
    }
}
