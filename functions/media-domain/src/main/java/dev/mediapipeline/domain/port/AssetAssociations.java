package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.asset.AssetId;

import java.util.List;
import java.util.Objects;

/**
 * How the host application says that one of its records uses an asset. An asset with an association is never
 * deleted by clean-up; one without becomes an orphan once it is old enough. Storage faults surface as unchecked
 * exceptions, which callers treat as transient.
 */
public interface AssetAssociations {

    /**
     * Records that the owner uses the asset; saying it again changes nothing. An asset that is deleted, or that a
     * clean-up run has started deleting, cannot gain an association: its storage may already be gone.
     */
    AddOutcome add(AssetId assetId, Owner owner);

    /** @return true when the association existed */
    boolean remove(AssetId assetId, Owner owner);

    /** The asset's owners, oldest association first. */
    List<Owner> ownersOf(AssetId assetId);

    enum AddOutcome {
        ADDED,
        ALREADY_PRESENT,
        NO_SUCH_ASSET,
        /** Deleted, or being deleted by a clean-up run. */
        ASSET_DELETED
    }

    /**
     * A record of the host application, e.g. {@code product 42}.
     *
     * @param type the kind of record ({@code product}, {@code article}); 1 to 64 characters
     * @param id   the record's id in the host application, as text; 1 to 256 characters
     */
    record Owner(String type, String id) {

        static final int MAX_TYPE_LENGTH = 64;
        static final int MAX_ID_LENGTH = 256;

        public Owner {
            check("owner type", type, MAX_TYPE_LENGTH);
            check("owner id", id, MAX_ID_LENGTH);
        }

        private static void check(String name, String value, int maxLength) {
            Objects.requireNonNull(value, name);
            if (value.isBlank() || value.length() > maxLength) {
                throw new IllegalArgumentException(name + " must be 1 to " + maxLength + " characters, not blank");
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(name + " must not contain control characters");
            }
        }
    }
}
