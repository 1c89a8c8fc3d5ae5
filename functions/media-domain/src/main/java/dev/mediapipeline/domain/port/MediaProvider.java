package dev.mediapipeline.domain.port;

import java.util.List;

/** A hosted media provider (Cloudinary): the copies it keeps and the quota it meters. */
public interface MediaProvider {

    /** Destroys the provider's copy and invalidates cached derivatives; false when it had none. */
    boolean destroy(String publicId, String resourceType);

    /** Current usage per metered resource. */
    List<Usage> usage();

    /** @param limit 0 when the plan sets no limit for the resource */
    record Usage(String resource, double used, double limit) {
    }
}
