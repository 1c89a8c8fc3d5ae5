package dev.mediapipeline.cloud.gcp;

import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * Cloud Functions HTTP requests to and from the platform-neutral HTTP records. The Functions Framework's
 * {@code HttpRequest}/{@code HttpResponse} types are not among the project's managed dependencies, so this takes
 * their parts: {@code request.getMethod()}, {@code getPath()}, {@code getHeaders()} and the body bytes, and writes
 * through {@code setStatusCode}, {@code appendHeader} and {@code getOutputStream()}:
 * <pre>{@code
 * HttpFunctionRequest in = CloudFunctionsHttp.toRequest(request.getMethod(), request.getPath(),
 *         request.getHeaders(), request.getInputStream().readAllBytes());
 * CloudFunctionsHttp.write(function.apply(in), response::setStatusCode, response::appendHeader,
 *         response.getOutputStream());
 * }</pre>
 * The body stays the bytes received; repeated headers are joined with {@code ", "} (as HTTP allows), except
 * {@code Cookie}, which joins with {@code "; "}.
 */
public final class CloudFunctionsHttp {

    private CloudFunctionsHttp() {
    }

    public static HttpFunctionRequest toRequest(String method, String path, Map<String, List<String>> headers,
                                                byte[] body) {
        Map<String, String> joined = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null && values != null && !values.isEmpty()) {
                    String separator = name.equalsIgnoreCase("Cookie") ? "; " : ", ";
                    joined.merge(name, String.join(separator, values), (a, b) -> a + separator + b);
                }
            });
        }
        return new HttpFunctionRequest(method.toUpperCase(Locale.ROOT), path == null || path.isEmpty() ? "/" : path,
                joined, body);
    }

    public static void write(HttpFunctionResponse response, IntConsumer status, BiConsumer<String, String> header,
                             OutputStream body) throws IOException {
        status.accept(response.status());
        response.headers().forEach(header);
        body.write(response.body());
        body.flush();
    }
}
