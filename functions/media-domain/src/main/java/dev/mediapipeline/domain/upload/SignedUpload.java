package dev.mediapipeline.domain.upload;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the client sends the file: a {@code multipart/form-data} request to {@code url} with every field of
 * {@code fields} (in order) and then the file under {@code fileField}.
 *
 * @param expiresAt when the signature actually stops working, when the signer had to make it shorter than the
 *                  grant asked (credentials that expire sooner, a provider's own limit); null means the grant's
 *                  deadline
 */
public record SignedUpload(String target, String method, String url, Map<String, String> fields, String fileField,
                           Instant expiresAt) {

    public SignedUpload {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A signed upload that lives exactly as long as its grant. */
    public SignedUpload(String target, String method, String url, Map<String, String> fields, String fileField) {
        this(target, method, url, fields, fileField, null);
    }

    /** The deadline the signature carries: its own when the signer shortened it, otherwise the grant's. */
    public Instant expiresAtOr(Instant grantDeadline) {
        return expiresAt == null || expiresAt.isAfter(grantDeadline) ? grantDeadline : expiresAt;
    }
}
