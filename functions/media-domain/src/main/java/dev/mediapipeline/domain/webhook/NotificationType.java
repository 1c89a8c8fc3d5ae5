package dev.mediapipeline.domain.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The notifications this pipeline applies, and the {@code notification_type} Cloudinary gives each. Cloudinary sends
 * others too (rename, tags, folders, ...); those are recorded as unsupported and acknowledged.
 */
public enum NotificationType {
    /** An upload finished: the provider holds a copy. */
    UPLOAD("upload"),
    /** Copies were destroyed (API {@code destroy}, or deleted in the console); may list several resources. */
    DESTROY("delete"),
    /** Eager (derived) transformations of a copy were generated. */
    DERIVED("eager"),
    /** A moderation decision was made about a copy. */
    MODERATION("moderation");

    private final String providerName;

    NotificationType(String providerName) {
        this.providerName = providerName;
    }

    /** The {@code notification_type} value Cloudinary sends. */
    public String providerName() {
        return providerName;
    }

    public static Optional<NotificationType> fromProviderName(String name) {
        return Arrays.stream(values()).filter(type -> type.providerName.equals(name)).findFirst();
    }
}
