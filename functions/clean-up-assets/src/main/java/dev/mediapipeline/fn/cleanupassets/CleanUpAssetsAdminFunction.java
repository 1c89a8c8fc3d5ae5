package dev.mediapipeline.fn.cleanupassets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.cleanup.CleanupCommand;
import dev.mediapipeline.domain.cleanup.CleanupInterruptedException;
import dev.mediapipeline.domain.cleanup.CleanupReport;
import dev.mediapipeline.domain.cleanup.CleanupService;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.support.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The manual trigger (HTTP, role {@code admin}): {@code POST} with {@code {"execute":false,"triggeredBy":"ops/manual"}}.
 * A dry run unless {@code execute} is true, so a forgotten flag previews instead of deleting. Answers the report (200);
 * 409 when another run is in progress, 503 when the database was lost, each with the report in {@code report}.
 */
public final class CleanUpAssetsAdminFunction implements Function<HttpFunctionRequest, HttpFunctionResponse> {

    private static final Logger log = LoggerFactory.getLogger(CleanUpAssetsAdminFunction.class);
    private static final String ROUTE = "clean-up admin";
    static final String RETRY_AFTER_SECONDS = "60";

    private final CleanupService service;
    private final BearerAccess access;
    private final Set<String> roles;
    private final ObjectMapper json;
    private final Problems problems;

    public CleanUpAssetsAdminFunction(CleanupService service, HmacJwt jwt,
                                      String adminRole, ObjectMapper json) {
        this.service = service;
        this.problems = new Problems(json);
        this.access = new BearerAccess(jwt, problems);
        this.roles = Set.of(adminRole);
        this.json = json;
    }

    @Override
    public HttpFunctionResponse apply(HttpFunctionRequest request) {
        if (!"POST".equalsIgnoreCase(request.method())) {
            return problems.problem(405, "method-not-allowed", "Method not allowed", "the clean-up route accepts POST only",
                    null, Map.of("Allow", "POST"));
        }
        BearerAccess.Decision decision = access.check(request, roles, ROUTE);
        if (decision.refused()) {
            return decision.refusal();
        }
        CleanupCommand command;
        try {
            command = command(JsonBodies.object(request, json), decision.caller().subject());
        } catch (JsonBodies.RejectedBodyException e) {
            return e.problem() == JsonBodies.Problem.TOO_LARGE
                    ? problems.problem(413, "request-too-large", "Request too large", e.getMessage())
                    : problems.problem(415, "unsupported-media-type", "Unsupported media type", e.getMessage());
        } catch (IllegalArgumentException e) {
            return problems.problem(400, "invalid-request", "Invalid request", e.getMessage());
        }
        log.atInfo().addKeyValue("subject", decision.caller().subject()).addKeyValue("triggeredBy", command.triggeredBy())
                .addKeyValue("dryRun", command.dryRun()).log("manual clean-up run requested");
        try {
            CleanupReport report = service.run(command);
            if (report.anotherRunWasInProgress()) {
                return withReport(409, "run-in-progress", "Another clean-up run is in progress",
                        "another run holds the clean-up lock; this one did nothing. Try again when it has finished.",
                        report, Map.of());
            }
            return HttpFunctionResponse.json(200, json.writeValueAsBytes(CleanupReportView.of(report)));
        } catch (CleanupInterruptedException e) {
            return withReport(503, "database-unavailable", "The run lost its database",
                    e.getMessage() + ". Nothing is half-deleted; run again later to carry on.", e.report(),
                    Map.of("Retry-After", RETRY_AFTER_SECONDS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the clean-up report", e);
        }
    }

    /** @throws IllegalArgumentException for a body field of the wrong type or an unusable {@code triggeredBy} */
    private static CleanupCommand command(JsonNode body, String subject) {
        JsonNode execute = body.get("execute");
        if (execute != null && !execute.isBoolean()) {
            throw new IllegalArgumentException("execute must be true or false");
        }
        JsonNode triggeredBy = body.get("triggeredBy");
        if (triggeredBy != null && !triggeredBy.isTextual()) {
            throw new IllegalArgumentException("triggeredBy must be a string, e.g. \"ops/manual\"");
        }
        String who = triggeredBy == null || triggeredBy.asText().isBlank() ? subject : triggeredBy.asText();
        if (CleanupCommand.SCHEDULE.equals(who) || who.startsWith(CleanupCommand.SCHEDULE + ":")) {
            throw new IllegalArgumentException("triggeredBy \"" + CleanupCommand.SCHEDULE
                    + "\" is reserved for the nightly run; name yourself, e.g. \"ops/manual\"");
        }
        return new CleanupCommand(who, execute == null || !execute.booleanValue());
    }

    private HttpFunctionResponse withReport(int status, String type, String title, String detail, CleanupReport report,
                                            Map<String, String> headers) {
        return problems.problem(status, type, title, detail,
                body -> body.set("report", json.valueToTree(CleanupReportView.of(report))), headers);
    }
}
