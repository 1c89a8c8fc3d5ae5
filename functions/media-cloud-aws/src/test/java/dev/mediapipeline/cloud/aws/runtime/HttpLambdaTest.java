package dev.mediapipeline.cloud.aws.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class HttpLambdaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRequestWithBrokenBase64IsAnsweredAsAProblemWithoutCallingTheFunction() throws Exception {
        AtomicBoolean called = new AtomicBoolean();
        HttpLambda lambda = new HttpLambda(request -> {
            called.set(true);
            return HttpFunctionResponse.json(200, "{}".getBytes(StandardCharsets.UTF_8));
        });
        String invocation = """
                {"version":"2.0","rawPath":"/","headers":{"content-type":"application/json"},
                 "requestContext":{"http":{"method":"POST","path":"/"}},
                 "isBase64Encoded":true,"body":"%%% not base64 %%%"}""";

        JsonNode answer = JSON.readTree(lambda.apply(new ByteArrayInputStream(invocation.getBytes(StandardCharsets.UTF_8))));

        assertThat(called).isFalse();
        assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
        assertThat(answer.path("headers").path("Content-Type").asText()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(answer.path("body").asText());
        assertThat(problem.path("type").asText()).endsWith(":invalid-request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asText()).isNotBlank();
    }
}
