package dev.mediapipeline.fn.cleanupassets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.http.HttpFunctionRequest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bearer tokens and requests for the admin routes' tests. */
final class Tokens {

    static final String SECRET = "clean-up-admin-test-secret-32-bytes!";

    private final HmacJwt jwt;

    Tokens(Clock clock, ObjectMapper json) {
        this.jwt = new HmacJwt(SECRET.getBytes(StandardCharsets.US_ASCII), clock, Duration.ZERO, json);
    }

    HmacJwt jwt() {
        return jwt;
    }

    String bearer(String subject, String... roles) {
        return "Bearer " + jwt.issue(subject, List.of(roles), Duration.ofHours(1));
    }

    static HttpFunctionRequest request(String method, String path, String authorization, String contentType,
                                       String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new HttpFunctionRequest(method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }
}
