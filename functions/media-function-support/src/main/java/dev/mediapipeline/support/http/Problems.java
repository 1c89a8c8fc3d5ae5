package dev.mediapipeline.support.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * RFC 9457 problem details ({@code application/problem+json}): {@code type}, {@code title}, {@code status},
 * {@code detail}, plus members that tell the client what to do (what a folder allows, which role is needed).
 */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "urn:media-pipeline:problem:";

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param type short slug, e.g. {@code too-large}; the README lists them all
     */
    public HttpFunctionResponse problem(int status, String type, String title, String detail,
                                        Consumer<ObjectNode> extensions, Map<String, String> extraHeaders) {
        ObjectNode body = json.createObjectNode()
                .put("type", TYPE_BASE + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (extensions != null) {
            extensions.accept(body);
        }
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders == null ? Map.of() : extraHeaders);
        headers.put("Content-Type", CONTENT_TYPE);
        try {
            return new HttpFunctionResponse(status, headers, json.writeValueAsBytes(body));
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise a problem body", e);
        }
    }

    public HttpFunctionResponse problem(int status, String type, String title, String detail) {
        return problem(status, type, title, detail, null, null);
    }
}
