package dev.mediapipeline.domain.port;

/**
 * A hosted media provider (Cloudinary) and the copies it keeps. The quota it meters is read through
 * {@link ProviderUsage}, which a deployment may have without this port (poll-usage needs only read access).
 */
public interface MediaProvider {

    /** Destroys the provider's copy and invalidates cached derivatives; false when it had none. */
    boolean destroy(String publicId, String resourceType);
}
