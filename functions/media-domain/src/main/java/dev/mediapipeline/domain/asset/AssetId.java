package dev.mediapipeline.domain.asset;

import java.util.Objects;
import java.util.UUID;

/** The identity of one asset: a random UUID chosen when the upload is signed. */
public record AssetId(UUID value) {

    public AssetId {
        Objects.requireNonNull(value, "value");
    }

    public static AssetId random() {
        return new AssetId(UUID.randomUUID());
    }

    /** Parses the canonical UUID form; throws {@link IllegalArgumentException} for anything else. */
    public static AssetId parse(String text) {
        UUID uuid = UUID.fromString(text);
        if (!uuid.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("not a canonical UUID: " + text);
        }
        return new AssetId(uuid);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
