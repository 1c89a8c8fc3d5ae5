package dev.mediapipeline.domain.text;

/** The outcome of extracting an asset's text, kept apart from the asset's own status (owned by make-thumbnail). */
public enum TextStatus {
    /** The text document is stored and indexed; it may be empty (blank pages) or truncated. */
    EXTRACTED,
    /** Bad input (encrypted, corrupt, too large, OCR impossible): recorded with a reason, never retried. */
    FAILED
}
