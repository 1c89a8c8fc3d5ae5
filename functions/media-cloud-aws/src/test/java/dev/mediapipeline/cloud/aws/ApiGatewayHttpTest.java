package dev.mediapipeline.cloud.aws;

import dev.mediapipeline.testkit.support.EventFiles;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiGatewayHttpTest {

    private static APIGatewayV2HTTPEvent event(String method, Map<String, String> headers, String body, boolean base64) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRawPath("/sign-upload").withHeaders(headers).withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                                .withPath("/sign-upload").build()).build())
                .build();
    }

    @Test
    void aTextBodyKeepsItsExactBytesAndHeadersAreCaseInsensitive() {
        String body = "{ \"folder\" : \"products\",\n  \"filename\": \"caf\u00e9 \u202E.jpg\" }";

        HttpFunctionRequest request = ApiGatewayHttp.toRequest(event("post",
                Map.of("content-type", "application/json", "x-cld-signature", "abc"), body, false));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/sign-upload");
        assertThat(request.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Cld-Signature")).isEqualTo("abc");
    }

    @Test
    void aBase64BodyIsDecodedToTheBytesSent() {
        byte[] binary = {0, (byte) 0xFF, (byte) 0xD8, 10, 13, 'a'};

        HttpFunctionRequest request = ApiGatewayHttp.toRequest(event("POST", Map.of(),
                Base64.getEncoder().encodeToString(binary), true));

        assertThat(request.body()).isEqualTo(binary);
    }

    @Test
    void cookiesComeBackAsACookieHeaderAndAMissingBodyIsEmpty() {
        APIGatewayV2HTTPEvent event = event("GET", Map.of(), null, false);
        event.setCookies(List.of("a=1", "b=2"));

        HttpFunctionRequest request = ApiGatewayHttp.toRequest(event);

        assertThat(request.header("Cookie")).isEqualTo("a=1; b=2");
        assertThat(request.body()).isEmpty();
    }

    @Test
    void theFunctionUrlSampleDecodesToTheCloudinaryBodyByteForByte() {
        APIGatewayV2HTTPEvent event = LambdaEvents.read(APIGatewayV2HTTPEvent.class,
                EventFiles.read("aws", "lambda-url-verify-webhook.json"));

        HttpFunctionRequest request = ApiGatewayHttp.toRequest(event);

        assertThat(request.body()).isEqualTo(EventFiles.read("cloudinary", "cloudinary-upload.json")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(request.header("X-Cld-Timestamp")).isEqualTo("1767225605");
        assertThat(request.path()).isEqualTo("/");
    }

    @Test
    void eventsThatAreNotHttpApiEventsOrCarryBrokenBase64AreRefused() {
        assertThatThrownBy(() -> ApiGatewayHttp.toRequest(new APIGatewayV2HTTPEvent()))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("method");
        assertThatThrownBy(() -> ApiGatewayHttp.toRequest(event("POST", Map.of(), "@@not base64@@", true)))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("base64");
    }

    @Test
    void aJsonResponseTravelsAsTextWithItsHeaders() {
        HttpFunctionResponse response = new HttpFunctionResponse(413, Map.of("Content-Type", "application/problem+json",
                "Cache-Control", "no-store"), "{\"title\":\"Too large \u2014 caf\u00e9\"}".getBytes(StandardCharsets.UTF_8));

        APIGatewayV2HTTPResponse encoded = ApiGatewayHttp.toResponse(response);

        assertThat(encoded.getStatusCode()).isEqualTo(413);
        assertThat(encoded.getIsBase64Encoded()).isFalse();
        assertThat(encoded.getBody()).isEqualTo("{\"title\":\"Too large \u2014 caf\u00e9\"}");
        assertThat(encoded.getHeaders()).containsEntry("Content-Type", "application/problem+json")
                .containsEntry("Cache-Control", "no-store");
    }

    @Test
    void binaryOrUndeclaredBodiesTravelAsBase64AndSetCookieMovesToCookies() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF};
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "image/png");
        headers.put("Set-Cookie", "session=1; HttpOnly");

        APIGatewayV2HTTPResponse encoded = ApiGatewayHttp.toResponse(new HttpFunctionResponse(200, headers, png));

        assertThat(encoded.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(encoded.getBody())).isEqualTo(png);
        assertThat(encoded.getCookies()).containsExactly("session=1; HttpOnly");
        assertThat(encoded.getHeaders()).doesNotContainKey("Set-Cookie");
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28};
        assertThat(ApiGatewayHttp.toResponse(HttpFunctionResponse.json(200, notUtf8)).getIsBase64Encoded()).isTrue();
    }
}
