package dev.mediapipeline.cloud.gcp.runtime;

import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The message shapes FunctionInvoker 4.3.0 uses, to and from the platform-neutral HTTP records. */
class CloudFunctionHttpAdapterTest {

    private static final long CAP = 1024;

    private final AtomicReference<HttpFunctionRequest> seen = new AtomicReference<>();

    @Test
    void theBodyIsTheBytesTheServerDecodedWhateverTheCharset() {
        String text = "{\"name\":\"café — été\"}";

        call(MessageBuilder.withPayload((Reader) new StringReader(text))
                .setHeader("Content-Type", List.of("application/json")).build());
        assertThat(seen.get().body()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));

        call(MessageBuilder.withPayload((Reader) new StringReader("café"))
                .setHeader("Content-Type", List.of("text/plain; charset=ISO-8859-1")).build());
        assertThat(seen.get().body()).isEqualTo("café".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theMethodIsInferredBecauseTheInvokerDoesNotPassIt() {
        call(MessageBuilder.withPayload((Reader) new StringReader("{}"))
                .setHeader("Content-Type", List.of("application/json")).build());
        assertThat(seen.get().method()).isEqualTo("POST");

        call(MessageBuilder.withPayload((Reader) new StringReader("")).build());
        assertThat(seen.get().method()).isEqualTo("GET");

        call(MessageBuilder.withPayload((Reader) new StringReader(""))
                .setHeader("Access-Control-Request-Method", List.of("POST")).build());
        assertThat(seen.get().method()).isEqualTo("OPTIONS");
    }

    @Test
    void onlyTheRequestsOwnHeadersReachTheFunction() {
        call(MessageBuilder.withPayload((Reader) new StringReader("{}"))
                .setHeader("X-Cld-Signature", List.of("abc")).build());

        assertThat(seen.get().header("x-cld-signature")).isEqualTo("abc");
        assertThat(seen.get().headers()).doesNotContainKeys(MessageHeaders.ID, MessageHeaders.TIMESTAMP);
    }

    @Test
    void theAnswersStatusAndContentTypeTravelInTheHeadersFunctionInvokerReads() {
        Message<byte[]> answer = CloudFunctionHttpAdapter.adapt(request -> new HttpFunctionResponse(401,
                Map.of("Content-Type", "application/problem+json", "WWW-Authenticate", "Bearer"), new byte[] {1, 2}), CAP)
                .apply(MessageBuilder.withPayload((Reader) new StringReader("")).build());

        assertThat(answer.getPayload()).containsExactly(1, 2);
        assertThat(answer.getHeaders()).containsEntry(CloudFunctionHttpAdapter.STATUS_CODE, 401)
                .containsEntry(MessageHeaders.CONTENT_TYPE, "application/problem+json")
                .containsEntry("WWW-Authenticate", "Bearer");
    }

    @Test
    void aBodyOverTheCapIsAnswered413WithoutReachingTheFunctionOrBeingReadToTheEnd() {
        CountingReader body = new CountingReader(new StringReader("x".repeat(10 * (int) CAP)));

        Message<byte[]> answer = CloudFunctionHttpAdapter.adapt(request -> {
            seen.set(request);
            return HttpFunctionResponse.json(200, new byte[0]);
        }, CAP).apply(MessageBuilder.withPayload((Reader) body)
                .setHeader("Content-Type", List.of("application/json")).build());

        assertThat(seen.get()).isNull();
        assertThat(body.charsRead).isEqualTo(CAP + 1);
        assertThat(answer.getHeaders()).containsEntry(CloudFunctionHttpAdapter.STATUS_CODE, 413)
                .containsEntry(MessageHeaders.CONTENT_TYPE, "application/problem+json");
        assertThat(new String(answer.getPayload(), StandardCharsets.UTF_8)).contains("request-too-large");
    }

    @Test
    void aBodyOfExactlyTheCapReachesTheFunction() {
        call(MessageBuilder.withPayload((Reader) new StringReader("x".repeat((int) CAP)))
                .setHeader("Content-Type", List.of("text/plain")).build());

        assertThat(seen.get().body()).hasSize((int) CAP);
    }

    /** Counts what the adapter read, to show it stopped early. */
    private static final class CountingReader extends java.io.FilterReader {
        long charsRead;

        CountingReader(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws java.io.IOException {
            int read = super.read(buffer, offset, length);
            charsRead += Math.max(read, 0);
            return read;
        }
    }

    private void call(Message<Reader> message) {
        CloudFunctionHttpAdapter.adapt(request -> {
            seen.set(request);
            return HttpFunctionResponse.json(200, new byte[0]);
        }, CAP).apply(message);
    }
}
