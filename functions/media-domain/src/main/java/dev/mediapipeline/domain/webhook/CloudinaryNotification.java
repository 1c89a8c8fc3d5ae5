package dev.mediapipeline.domain.webhook;

import dev.mediapipeline.domain.asset.AssetId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cloudinary notification, decoded from JSON at the edge into what the pipeline needs.
 *
 * @param resources  the copies it is about: exactly one, except for {@link NotificationType#DESTROY}, which may list
 *                   several
 * @param derived    the generated derivatives ({@link NotificationType#DERIVED}); empty otherwise
 * @param moderation the decision ({@link NotificationType#MODERATION}), or the initial state an upload reports
 *                   when moderation was requested; null otherwise
 */
public record CloudinaryNotification(NotificationType type, List<NotifiedResource> resources,
                                     List<DerivedCopy> derived, ModerationVerdict moderation) {

    public CloudinaryNotification {
        Objects.requireNonNull(type, "type");
        resources = List.copyOf(resources);
        derived = derived == null ? List.of() : List.copyOf(derived);
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("a notification is about at least one resource");
        }
        if (type != NotificationType.DESTROY && resources.size() != 1) {
            throw new IllegalArgumentException(type + " notifications are about exactly one resource");
        }
        if (type == NotificationType.MODERATION && moderation == null) {
            throw new IllegalArgumentException("a moderation notification needs its verdict");
        }
    }

    public static CloudinaryNotification upload(NotifiedResource resource, ModerationVerdict initialModeration) {
        return new CloudinaryNotification(NotificationType.UPLOAD, List.of(resource), List.of(), initialModeration);
    }

    public static CloudinaryNotification destroy(List<NotifiedResource> resources) {
        return new CloudinaryNotification(NotificationType.DESTROY, resources, List.of(), null);
    }

    public static CloudinaryNotification derived(NotifiedResource resource, List<DerivedCopy> derived) {
        return new CloudinaryNotification(NotificationType.DERIVED, List.of(resource), derived, null);
    }

    public static CloudinaryNotification moderation(NotifiedResource resource, ModerationVerdict verdict) {
        return new CloudinaryNotification(NotificationType.MODERATION, List.of(resource), List.of(), verdict);
    }

    /** The (first) resource's public id. */
    public String publicId() {
        return resources.get(0).publicId();
    }

    public Long version() {
        return resources.get(0).version();
    }

    public String resourceType() {
        return resources.get(0).resourceType();
    }

    /** Our asset id, derived from the (first) public id, when it has the shape our uploads are signed with. */
    public Optional<AssetId> assetId() {
        return resources.get(0).assetId();
    }

    public Optional<String> moderationStatus() {
        return Optional.ofNullable(moderation).map(ModerationVerdict::status);
    }
}
