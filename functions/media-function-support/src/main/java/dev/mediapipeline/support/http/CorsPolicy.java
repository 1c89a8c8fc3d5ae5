package dev.mediapipeline.support.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CORS for the browser-facing HTTP functions: a fixed list of origins (scheme, host and port, as browsers send them
 * in {@code Origin}), answered one by one, never with {@code *}, so a token-bearing request is only readable by the
 * pages we trust. Preflights may ask for {@code Authorization} and {@code Content-Type}.
 */
public final class CorsPolicy {

    static final String ALLOWED_HEADERS = "Authorization, Content-Type";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> origins;
    private final String methods;

    /**
     * @param origins e.g. {@code https://app.example.com}, {@code http://localhost:8000}; empty allows no browser page
     * @param methods the methods the route takes, besides {@code OPTIONS}
     */
    public CorsPolicy(List<String> origins, String... methods) {
        Set<String> normalised = new LinkedHashSet<>();
        for (String origin : origins) {
            if (origin == null || origin.isBlank()) {
                continue;
            }
            normalised.add(normalise(origin.trim()));
        }
        this.origins = Set.copyOf(normalised);
        this.methods = String.join(", ", methods) + ", OPTIONS";
    }

    public static CorsPolicy none() {
        return new CorsPolicy(List.of(), "POST");
    }

    private static String normalise(String origin) {
        URI uri = URI.create(origin);
        if (uri.getScheme() == null || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty()
                && !uri.getPath().equals("/"))) {
            throw new IllegalArgumentException("an allowed origin is scheme://host[:port] without a path, e.g. "
                    + "https://app.example.com; got '" + origin + "'");
        }
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    public boolean allows(String origin) {
        if (origin == null || origin.isBlank()) {
            return false;
        }
        try {
            return origins.contains(normalise(origin.trim()));
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }

    public static boolean isPreflight(HttpFunctionRequest request) {
        return "OPTIONS".equalsIgnoreCase(request.method());
    }

    /**
     * The answer to a preflight: 204 with the allowed methods and headers for a listed origin; 403 (no CORS headers,
     * so the browser blocks the real request) for any other.
     */
    public HttpFunctionResponse preflight(HttpFunctionRequest request, Problems problems) {
        String origin = request.header("Origin");
        if (!allows(origin)) {
            return problems.problem(403, "origin-not-allowed", "Origin not allowed", "this origin may not call the "
                    + "function from a browser; add it to MEDIA_UPLOAD_ALLOWED_ORIGINS", null, Map.of("Vary", "Origin"));
        }
        Map<String, String> headers = new LinkedHashMap<>(corsHeaders(origin));
        headers.put("Access-Control-Allow-Methods", methods);
        headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        headers.put("Access-Control-Max-Age", MAX_AGE_SECONDS);
        return new HttpFunctionResponse(204, headers, new byte[0]);
    }

    /** The response with {@code Access-Control-Allow-Origin} added when the request came from a listed origin. */
    public HttpFunctionResponse decorate(HttpFunctionRequest request, HttpFunctionResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("Vary", "Origin");
        allowedOrigin(request.header("Origin")).ifPresent(origin -> headers.putAll(corsHeaders(origin)));
        return new HttpFunctionResponse(response.status(), headers, response.body());
    }

    /** The origin to echo back, when it is allowed. */
    public Optional<String> allowedOrigin(String origin) {
        return allows(origin) ? Optional.of(origin.trim()) : Optional.empty();
    }

    private static Map<String, String> corsHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", origin.trim());
        headers.put("Vary", "Origin");
        return headers;
    }
}
