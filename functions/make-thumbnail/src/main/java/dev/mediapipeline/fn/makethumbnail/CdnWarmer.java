package dev.mediapipeline.fn.makethumbnail;

import dev.mediapipeline.domain.asset.Rendition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Requests each new rendition once through the CDN, so that the CDN holds it before the first visitor asks.
 * Requests run asynchronously with a short timeout: a slow or failing CDN never delays or fails the function.
 * Each answer is counted as {@code media_cdn_prefetch_total{status}}: the HTTP status, {@code timeout} or
 * {@code error}.
 */
public final class CdnWarmer {

    static final String PREFETCH = "media.cdn.prefetch";

    private static final Logger log = LoggerFactory.getLogger(CdnWarmer.class);

    private final HttpClient client;
    private final String baseUrl;
    private final Duration timeout;
    private final MeterRegistry registry;

    public CdnWarmer(String baseUrl, Duration timeout, MeterRegistry registry) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.registry = registry;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Starts one request per rendition and returns at once; the future completes when all have answered. */
    public CompletableFuture<Void> warm(List<Rendition> renditions) {
        CompletableFuture<?>[] requests = renditions.stream().map(this::request).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(requests);
    }

    private CompletableFuture<Void> request(Rendition rendition) {
        URI uri = URI.create(baseUrl + "/" + encodedPath(rendition.objectKey()));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    String status = failure == null ? Integer.toString(response.statusCode()) : failureStatus(failure);
                    count(status);
                    if (failure != null || response.statusCode() >= 400) {
                        log.atDebug().addKeyValue("url", uri).addKeyValue("status", status).log("CDN warming missed");
                    }
                    return null;
                });
    }

    private void count(String status) {
        Counter.builder(PREFETCH)
                .description("Requests that warm the CDN with a new rendition, by HTTP status")
                .tag("status", status)
                .register(registry)
                .increment();
    }

    private static String failureStatus(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof HttpTimeoutException || failure instanceof HttpTimeoutException ? "timeout" : "error";
    }

    private static String encodedPath(String key) {
        return Arrays.stream(key.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }
}
