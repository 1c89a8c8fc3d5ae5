package dev.mediapipeline.cloud.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/**
 * One POST to an AWS service API, signed with the SDK's SigV4 signer and sent on the SDK's HTTP client: for the
 * services whose SDK client modules do not resolve at this project's SDK version (SNS, Secrets Manager).
 */
final class SignedHttpCall {

    record Response(int status, byte[] body) {
    }

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final String service;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SignedHttpCall(SdkHttpClient http, AwsCredentialsProvider credentials, Region region, String service) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.service = service;
    }

    Response post(URI endpoint, String contentType, Map<String, String> headers, byte[] body) throws IOException {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", contentType)
                .putHeader("Content-Length", Integer.toString(body.length));
        headers.forEach(request::putHeader);
        SignedRequest signed = signer.sign(sign -> sign
                .identity(credentials.resolveCredentials())
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null))
                .build()).call();
        return new Response(response.httpResponse().statusCode(), readBody(response));
    }

    private static byte[] readBody(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = response.responseBody().get()) {
            return in.readAllBytes();
        }
    }
}
