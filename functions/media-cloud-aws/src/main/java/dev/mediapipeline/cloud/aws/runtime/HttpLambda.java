package dev.mediapipeline.cloud.aws.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.mediapipeline.cloud.aws.ApiGatewayHttp;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * An HTTP function behind a Function URL or an HTTP API (payload format 2.0). It takes the invocation's raw bytes
 * and answers the response's JSON, so Spring Cloud Function's adapter passes both through untouched: the request
 * body reaches the function as the client sent it (a webhook signature depends on every byte), and the function's
 * status, headers and body reach the caller.
 */
public final class HttpLambda implements Function<InputStream, byte[]> {

    private final Function<HttpFunctionRequest, HttpFunctionResponse> function;

    public HttpLambda(Function<HttpFunctionRequest, HttpFunctionResponse> function) {
        this.function = function;
    }

    @Override
    public byte[] apply(InputStream invocation) {
        APIGatewayV2HTTPEvent event = LambdaJson.read(APIGatewayV2HTTPEvent.class, invocation);
        HttpFunctionResponse response;
        try {
            response = function.apply(ApiGatewayHttp.toRequest(event));
        } catch (PermanentFailureException unreadable) {
            response = new HttpFunctionResponse(400, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    unreadable.getMessage().getBytes(StandardCharsets.UTF_8));
        }
        return LambdaJson.write(APIGatewayV2HTTPResponse.class, ApiGatewayHttp.toResponse(response));
    }
}
