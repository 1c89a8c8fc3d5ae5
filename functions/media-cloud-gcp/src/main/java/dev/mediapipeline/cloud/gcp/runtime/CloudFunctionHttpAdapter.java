package dev.mediapipeline.cloud.gcp.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.cloud.gcp.CloudFunctionsHttp;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.support.http.Problems;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An HTTP function behind Spring Cloud Function's GCP {@code FunctionInvoker} (4.3.0), which hands the bean a
 * message whose payload is the request's {@code getReader()} and whose headers are the request headers (each a list
 * of values), and writes the answer from the returned message: its payload as the body, its {@value #STATUS_CODE}
 * header as the status, {@code contentType} as the Content-Type and every other header as a response header.
 *
 * <p>What that costs and how it is met:
 * <ul>
 *   <li>The body arrives as characters. It is turned back into the bytes received by encoding it with the charset the
 *       server decoded it with: the Content-Type's {@code charset}, else UTF-8 for JSON (Jetty's assumption), else
 *       ISO-8859-1 (the servlet default, which maps every byte to one character). verify-webhook's signature is over
 *       these bytes.</li>
 *   <li>The invoker does not limit the body, so the adapter reads at most the function's cap plus one character
 *       and answers 413 {@code application/problem+json} as soon as there is more, without reading the rest (a
 *       character is at least one byte, so more characters than the cap means more bytes than the cap; a body of
 *       multi-byte characters just under it is left to the function's own byte check).</li>
 *   <li>The invoker passes neither the method nor the path. The path is reported as {@code /}; the method is
 *       {@code OPTIONS} for a CORS preflight, {@code POST} when the request has a body (a Content-Length above 0 or a
 *       Transfer-Encoding), else {@code GET}. The two HTTP functions accept POST only.</li>
 *   <li>The invoker also appends the message's own headers ({@code id}, {@code timestamp}, {@code contentType},
 *       {@value #STATUS_CODE}) to the response; clients ignore them.</li>
 * </ul>
 */
public final class CloudFunctionHttpAdapter {

    /** The header FunctionInvoker reads the status from ({@code FunctionInvoker.HTTP_STATUS_CODE}). */
    public static final String STATUS_CODE = "statusCode";

    private static final Problems PROBLEMS = new Problems(new ObjectMapper());

    private CloudFunctionHttpAdapter() {
    }

    /** @param maxBodyBytes the function's own body limit; a longer body is answered 413 without reaching it */
    public static Function<Message<Reader>, Message<byte[]>> adapt(
            Function<HttpFunctionRequest, HttpFunctionResponse> function, long maxBodyBytes) {
        return message -> {
            String body = readAtMost(message.getPayload(), maxBodyBytes);
            if (body == null) {
                return encode(PROBLEMS.problem(413, "request-too-large", "Request too large",
                        "the body is at most " + maxBodyBytes + " bytes"));
            }
            return encode(function.apply(decode(message.getHeaders(), body)));
        };
    }

    static HttpFunctionRequest decode(MessageHeaders messageHeaders, String text) {
        Map<String, List<String>> headers = requestHeaders(messageHeaders);
        String contentType = first(headers, "Content-Type");
        byte[] body = text.getBytes(charsetOf(contentType));
        return CloudFunctionsHttp.toRequest(method(headers, body), "/", headers, body);
    }

    static Message<byte[]> encode(HttpFunctionResponse response) {
        MessageBuilder<byte[]> answer = MessageBuilder.withPayload(response.body())
                .setHeader(STATUS_CODE, response.status());
        response.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("Content-Type")) {
                answer.setHeader(MessageHeaders.CONTENT_TYPE, value);
            } else {
                answer.setHeader(name, value);
            }
        });
        return answer.build();
    }

    /** The request's headers: the message's list-valued headers (the others are the message's own). */
    private static Map<String, List<String>> requestHeaders(MessageHeaders headers) {
        Map<String, List<String>> request = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                request.put(name, values.stream().map(String::valueOf).toList());
            }
        });
        return request;
    }

    static String method(Map<String, List<String>> headers, byte[] body) {
        if (body.length > 0 || first(headers, "Transfer-Encoding") != null
                || !"0".equals(first(headers, "Content-Length")) && first(headers, "Content-Length") != null) {
            return "POST";
        }
        return first(headers, "Access-Control-Request-Method") != null ? "OPTIONS" : "GET";
    }

    static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return StandardCharsets.ISO_8859_1;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("charset=");
        if (at >= 0) {
            String name = contentType.substring(at + "charset=".length()).split(";")[0].trim().replace("\"", "");
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                return StandardCharsets.ISO_8859_1;
            }
        }
        String mediaType = lower.split(";")[0].trim();
        return mediaType.endsWith("/json") || mediaType.endsWith("+json") ? StandardCharsets.UTF_8
                : StandardCharsets.ISO_8859_1;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body's text, or null when it is longer than {@code maxChars}; reads at most {@code maxChars + 1}. */
    static String readAtMost(Reader reader, long maxChars) {
        if (reader == null) {
            return "";
        }
        try (reader) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            long allowed = maxChars + 1;
            int read;
            while (text.length() < allowed
                    && (read = reader.read(buffer, 0, (int) Math.min(buffer.length, allowed - text.length()))) != -1) {
                text.append(buffer, 0, read);
            }
            return text.length() > maxChars ? null : text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }

    static String readAll(Reader reader) {
        if (reader == null) {
            return "";
        }
        try (reader) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }
}
