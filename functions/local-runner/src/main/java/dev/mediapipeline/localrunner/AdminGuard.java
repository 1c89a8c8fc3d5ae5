package dev.mediapipeline.localrunner;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.upload.Caller;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.auth.UnauthenticatedException;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.support.http.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.function.Supplier;

/** The check in front of every operator route: a valid bearer token with the {@code admin} role. */
final class AdminGuard {

    static final String ADMIN_ROLE = "admin";

    private final HmacJwt jwt;
    private final Problems problems;

    AdminGuard(HmacJwt jwt, ObjectMapper json) {
        this.jwt = jwt;
        this.problems = new Problems(json);
    }

    ResponseEntity<byte[]> run(String authorization, Supplier<ResponseEntity<byte[]>> action) {
        Caller caller;
        try {
            caller = jwt.authenticate(authorization);
        } catch (UnauthenticatedException e) {
            return entity(problems.problem(401, "unauthenticated", "Unauthenticated", e.getMessage(), null,
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        }
        if (!caller.hasRole(ADMIN_ROLE)) {
            return entity(problems.problem(403, "forbidden", "Forbidden", "admin routes need the role '" + ADMIN_ROLE + "'",
                    body -> body.putArray("requiredRoles").add(ADMIN_ROLE), null));
        }
        return action.get();
    }

    static ResponseEntity<byte[]> entity(HttpFunctionResponse response) {
        HttpHeaders headers = new HttpHeaders();
        response.headers().forEach(headers::set);
        return ResponseEntity.status(response.status()).headers(headers).body(response.body());
    }
}
