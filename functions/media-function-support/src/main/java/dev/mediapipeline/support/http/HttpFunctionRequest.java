package dev.mediapipeline.support.http;

import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as an HTTP function sees it, whatever the platform: API Gateway / Function URL events,
 * Cloud Functions requests and the local runner are all decoded into this at the edge. Header names are
 * case-insensitive; the body is the raw bytes received.
 */
public record HttpFunctionRequest(String method, String path, Map<String, String> headers, byte[] body) {

    public HttpFunctionRequest {
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(caseInsensitive);
        body = body == null ? new byte[0] : body;
    }

    public String header(String name) {
        return headers.get(name);
    }
}
