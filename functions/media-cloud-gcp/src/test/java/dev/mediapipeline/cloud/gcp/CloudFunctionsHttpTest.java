package dev.mediapipeline.cloud.gcp;

import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CloudFunctionsHttpTest {

    @Test
    void theRequestKeepsItsBytesAndHeadersAreCaseInsensitive() {
        byte[] body = "{ \"x\" : \"caf\u00e9\" }\n".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("X-Cld-Signature", List.of("abc"));
        headers.put("Accept", List.of("text/html", "application/json"));
        headers.put("cookie", List.of("a=1", "b=2"));

        HttpFunctionRequest request = CloudFunctionsHttp.toRequest("post", "/verify-webhook", headers, body);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/verify-webhook");
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("x-cld-signature")).isEqualTo("abc");
        assertThat(request.header("accept")).isEqualTo("text/html, application/json");
        assertThat(request.header("Cookie")).isEqualTo("a=1; b=2");
    }

    @Test
    void headersDifferingOnlyInCaseAreOneHeader() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("text/html"));
        headers.put("accept", List.of("application/json"));

        assertThat(CloudFunctionsHttp.toRequest("GET", "", headers, null).header("ACCEPT"))
                .isEqualTo("text/html, application/json");
        assertThat(CloudFunctionsHttp.toRequest("GET", "", null, null).path()).isEqualTo("/");
    }

    @Test
    void theResponseIsWrittenAsIs() throws Exception {
        List<String> written = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0};

        CloudFunctionsHttp.write(new HttpFunctionResponse(201, Map.of("Content-Type", "image/png"), binary),
                status -> written.add("status " + status), (name, value) -> written.add(name + ": " + value), body);

        assertThat(written).containsExactly("status 201", "Content-Type: image/png");
        assertThat(body.toByteArray()).isEqualTo(binary);
    }
}
