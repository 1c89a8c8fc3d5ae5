package dev.mediapipeline.cloud.aws.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.aws.ApiGatewayHttp;
import dev.mediapipeline.domain.error.PermanentFailureException;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.support.http.Problems;

import java.io.InputStream;
import java.util.function.Function;

/**
 * An HTTP function behind a Function URL or an HTTP API (payload format 2.0). It takes the invocation's raw bytes
 * and answers the response's JSON, so Spring Cloud Function's adapter passes both through untouched: the request
 * body reaches the function as the client sent it (a webhook signature depends on every byte), and the function's
 * status, headers and body reach the caller. A request that cannot be read (no method, a body that is not valid
 * base64) is answered 400 {@code application/problem+json}; that answer carries no CORS headers, because the CORS
 * policy lives inside the function, which never sees the request.
 */
public final class HttpLambda implements Function<InputStream, byte[]> {

    private static final Problems PROBLEMS = new Problems(new ObjectMapper());

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
            response = PROBLEMS.problem(400, "invalid-request", "Invalid request", unreadable.getMessage()
                    + "; send a Function URL or HTTP API (payload format 2.0) request");
        }
        return LambdaJson.write(APIGatewayV2HTTPResponse.class, ApiGatewayHttp.toResponse(response));
    }
}
