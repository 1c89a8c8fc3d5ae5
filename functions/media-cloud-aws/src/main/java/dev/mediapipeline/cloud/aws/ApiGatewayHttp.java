package dev.mediapipeline.cloud.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * API Gateway HTTP APIs and Lambda Function URLs (payload format 2.0) to and from the platform-neutral HTTP
 * records. The body stays the bytes the client sent: base64 bodies are decoded, text bodies are taken as
 * UTF-8 (how the platform put them into the event), never re-serialised. Cookies, which format 2.0 moves out
 * of the headers, are put back as a {@code Cookie} header.
 */
public final class ApiGatewayHttp {

    private ApiGatewayHttp() {
    }

    public static HttpFunctionRequest toRequest(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = event.getRequestContext() == null ? null
                : event.getRequestContext().getHttp();
        String method = http != null && http.getMethod() != null ? http.getMethod() : null;
        if (method == null) {
            throw new PermanentFailureException(FailureReason.CORRUPT,
                    "not an HTTP API (payload 2.0) event: requestContext.http.method is missing");
        }
        String path = event.getRawPath() != null ? event.getRawPath() : http.getPath();
        Map<String, String> headers = new LinkedHashMap<>();
        if (event.getHeaders() != null) {
            headers.putAll(event.getHeaders());
        }
        if (event.getCookies() != null && !event.getCookies().isEmpty()) {
            headers.put("cookie", String.join("; ", event.getCookies()));
        }
        return new HttpFunctionRequest(method.toUpperCase(Locale.ROOT), path == null ? "/" : path, headers,
                body(event));
    }

    /**
     * Text content types (JSON, problem+json, {@code text/*}, XML) travel as text when the bytes are valid UTF-8;
     * everything else as base64. {@code Set-Cookie} goes into the {@code cookies} list, where format 2.0 wants it.
     */
    public static APIGatewayV2HTTPResponse toResponse(HttpFunctionResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        response.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("Set-Cookie")) {
                cookies.add(value);
            } else {
                headers.put(name, value);
            }
        });
        String contentType = response.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        String text = isText(contentType) ? utf8OrNull(response.body()) : null;
        APIGatewayV2HTTPResponse.APIGatewayV2HTTPResponseBuilder builder = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withIsBase64Encoded(text == null)
                .withBody(text != null ? text : Base64.getEncoder().encodeToString(response.body()));
        if (!cookies.isEmpty()) {
            builder.withCookies(cookies);
        }
        return builder.build();
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (!event.getIsBase64Encoded()) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailureException(FailureReason.CORRUPT,
                    "the event says isBase64Encoded but the body is not base64: " + e.getMessage());
        }
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded");
    }

    private static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
