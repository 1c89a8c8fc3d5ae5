package dev.mediapipeline.support.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What an HTTP function answers; the platform edge turns it into the platform's response shape. */
public record HttpFunctionResponse(int status, Map<String, String> headers, byte[] body) {

    public HttpFunctionResponse {
        headers = Map.copyOf(headers);
    }

    public static HttpFunctionResponse json(int status, byte[] body) {
        return new HttpFunctionResponse(status, Map.of("Content-Type", "application/json"), body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
