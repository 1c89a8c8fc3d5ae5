package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.webhook.DerivedCopy;
import dev.mediapipeline.domain.webhook.ModerationVerdict;
import dev.mediapipeline.domain.webhook.NotifiedResource;
import dev.mediapipeline.domain.webhook.ProviderCopy;
import dev.mediapipeline.domain.webhook.ProviderCopyKey;

import java.util.List;
import java.util.Optional;

/**
 * Which copies a media provider (Cloudinary) holds of which asset, with their derived versions and moderation
 * state, as its notifications report them.
 *
 * <p>Notifications arrive late, twice and out of order, so every write is an idempotent upsert and versions decide
 * what wins:
 * <ul>
 *   <li>an upload of a version older than the one recorded changes nothing, nor does an upload of the version a
 *       deletion was reported for; a newer version (a re-upload under the same public id) clears the deletion;</li>
 *   <li>a deletion of a version older than the one recorded changes nothing; a deletion of a copy never seen
 *       leaves a deleted row, so the late upload notification of that version cannot bring it back;</li>
 *   <li>a moderation decision always replaces the recorded status; the initial status an upload reports (e.g.
 *       {@code pending}) is taken only when none is recorded yet, so it never overwrites a decision that overtook
 *       it;</li>
 *   <li>derived copies are upserted on their transformation.</li>
 * </ul>
 * Writes for a copy not seen yet create it with what is known. Every method throws unchecked exceptions for
 * storage faults, which callers treat as transient.
 */
public interface ProviderCopies {

    /** @return false when the notification was ignored as being about an older (or a deleted) version */
    boolean recordUpload(AssetId assetId, String provider, NotifiedResource resource, ModerationVerdict initialModeration);

    /** @return false when the notification was ignored as being about an older version */
    boolean recordDeletion(AssetId assetId, String provider, NotifiedResource resource);

    /** @return false when the notification was ignored as being about an older version */
    boolean recordModeration(AssetId assetId, String provider, NotifiedResource resource, ModerationVerdict verdict);

    void recordDerived(AssetId assetId, String provider, NotifiedResource resource, List<DerivedCopy> derived);

    Optional<ProviderCopy> find(ProviderCopyKey key);

    /** The asset's copies, ordered by provider, resource type and public id. */
    List<ProviderCopy> ofAsset(AssetId assetId);

    /** The copy's derived versions, ordered by transformation. */
    List<DerivedCopy> derivedOf(ProviderCopyKey key);
}
