package dev.mediapipeline.cloud.gcp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An HTTP request described by a file in {@code events/gcp} ({@code http-*.json}): {@code method}, {@code path},
 * {@code headers} and {@code body} (the raw body as text, sent as UTF-8). Header values may hold placeholders such as
 * {@code {{token}}} or {@code {{signature}}} that a test fills in, because a bearer token or a webhook signature
 * is only valid for a while.
 */
public record HttpRequestFile(String method, String path, Map<String, String> headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static HttpRequestFile parse(String json) throws IOException {
        JsonNode node = JSON.readTree(json);
        Map<String, String> headers = new LinkedHashMap<>();
        node.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return new HttpRequestFile(node.path("method").asText("POST"), node.path("path").asText("/"), headers,
                node.path("body").asText("").getBytes(StandardCharsets.UTF_8));
    }

    /** This request sent to a function served at {@code base} ({@code http://host:port/}). */
    public java.net.http.HttpRequest toHttpRequest(java.net.URI base) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .method(method, body.length == 0 ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return builder.build();
    }

    /** This request as a request file (placeholders as they are now), e.g. for {@link InvokeOnce}. */
    public java.nio.file.Path writeTo(java.nio.file.Path file) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode node = JSON.createObjectNode().put("method", method)
                .put("path", path);
        headers.forEach(node.putObject("headers")::put);
        node.put("body", bodyText());
        java.nio.file.Files.writeString(file, node.toString());
        return file;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The same request with each header value passed through {@code fill} (placeholders replaced). */
    public HttpRequestFile withHeaders(UnaryOperator<String> fill) {
        Map<String, String> filled = new LinkedHashMap<>();
        headers.forEach((name, value) -> filled.put(name, fill.apply(value)));
        return new HttpRequestFile(method, path, filled, body);
    }

    public HttpRequestFile withMethod(String otherMethod) {
        return new HttpRequestFile(otherMethod, path, headers, otherMethod.equals("GET") ? new byte[0] : body);
    }
}
