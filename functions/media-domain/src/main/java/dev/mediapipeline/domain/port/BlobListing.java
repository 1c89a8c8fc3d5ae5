package dev.mediapipeline.domain.port;

import java.io.IOException;
import java.util.List;

/**
 * Lists a blob store's objects by key prefix. Separate from {@link BlobStore} because only clean-up needs it and
 * listing is a different permission (and cost) on every cloud.
 */
public interface BlobListing {

    /** Every object whose key starts with {@code prefix}, in no particular order. */
    List<BlobInfo> list(String prefix) throws IOException;
}
