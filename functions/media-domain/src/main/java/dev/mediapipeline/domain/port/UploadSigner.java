package dev.mediapipeline.domain.port;

import dev.mediapipeline.domain.upload.SignedUpload;
import dev.mediapipeline.domain.upload.UploadGrant;

/** Signs a direct upload that lets the client send exactly what the grant allows, and nothing else. */
public interface UploadSigner {

    /** The target name in responses: {@code local}, {@code gcs}, {@code s3} or {@code cloudinary}. */
    String target();

    SignedUpload sign(UploadGrant grant);
}
