package dev.mediapipeline.fn.cleanupassets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.upload.ContentTypes;
import dev.mediapipeline.support.http.HttpFunctionRequest;

/** Reads the small JSON bodies of the admin routes; an empty body reads as {@code {}}. */
final class JsonBodies {

    /** Admin requests are a few dozen bytes; anything much larger is not one. */
    static final int MAX_BODY_BYTES = 4 * 1024;

    private JsonBodies() {
    }

    enum Problem { NOT_JSON, TOO_LARGE }

    static final class RejectedBodyException extends Exception {

        private final Problem problem;

        RejectedBodyException(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    /** @throws IllegalArgumentException when the body is not a JSON object */
    static JsonNode object(HttpFunctionRequest request, ObjectMapper json) throws RejectedBodyException {
        if (request.body().length == 0) {
            return json.createObjectNode();
        }
        if (request.body().length > MAX_BODY_BYTES) {
            throw new RejectedBodyException(Problem.TOO_LARGE, "the body is at most " + MAX_BODY_BYTES + " bytes of JSON");
        }
        if (!ContentTypes.normalise(request.header("Content-Type")).equals("application/json")) {
            throw new RejectedBodyException(Problem.NOT_JSON, "send the body as JSON with 'Content-Type: application/json'");
        }
        JsonNode node;
        try {
            node = json.readTree(request.body());
        } catch (Exception e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return node;
    }
}
