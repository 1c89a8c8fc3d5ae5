package dev.mediapipeline.domain.upload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the client sends the file: a {@code multipart/form-data} request to {@code url} with every field of
 * {@code fields} (in order) and then the file under {@code fileField}.
 */
public record SignedUpload(String target, String method, String url, Map<String, String> fields, String fileField) {

    public SignedUpload {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
