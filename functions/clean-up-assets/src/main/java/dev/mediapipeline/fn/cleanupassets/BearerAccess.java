package dev.mediapipeline.fn.cleanupassets;

import dev.mediapipeline.domain.upload.Caller;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.auth.UnauthenticatedException;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.support.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;

/** Bearer-token checks of the admin routes, answering 401 and 403 the way sign-upload does. */
final class BearerAccess {

    private static final Logger log = LoggerFactory.getLogger(BearerAccess.class);

    private final HmacJwt jwt;
    private final Problems problems;

    BearerAccess(HmacJwt jwt, Problems problems) {
        this.jwt = jwt;
        this.problems = problems;
    }

    /** Either the caller, or the refusal to answer with. */
    record Decision(Caller caller, HttpFunctionResponse refusal) {

        boolean refused() {
            return refusal != null;
        }
    }

    /** @param anyOf the caller needs at least one of these roles */
    Decision check(HttpFunctionRequest request, Set<String> anyOf, String route) {
        Caller caller;
        try {
            caller = jwt.authenticate(request.header("Authorization"));
        } catch (UnauthenticatedException e) {
            log.atInfo().addKeyValue("route", route).addKeyValue("reason", e.getMessage())
                    .log("admin request refused: unauthenticated");
            return new Decision(null, problems.problem(401, "unauthenticated", "Unauthenticated", e.getMessage(), null,
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
        }
        if (anyOf.stream().noneMatch(caller::hasRole)) {
            log.atInfo().addKeyValue("route", route).addKeyValue("subject", caller.subject())
                    .log("admin request refused: missing role");
            return new Decision(null, problems.problem(403, "forbidden", "Forbidden",
                    route + " needs one of the roles " + anyOf,
                    body -> anyOf.stream().sorted().forEach(body.putArray("requiredRoles")::add), null));
        }
        return new Decision(caller, null);
    }
}
