package dev.mediapipeline.fn.signupload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.domain.error.AccessDeniedException;
import dev.mediapipeline.domain.port.AssetAssociations;
import dev.mediapipeline.domain.upload.Caller;
import dev.mediapipeline.domain.upload.ContentTypes;
import dev.mediapipeline.domain.upload.SignUploadResult;
import dev.mediapipeline.domain.upload.SignUploadService;
import dev.mediapipeline.domain.upload.UploadRejectedException;
import dev.mediapipeline.domain.upload.UploadRequest;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.support.auth.AuthUnavailableException;
import dev.mediapipeline.support.auth.BearerAuthenticator;
import dev.mediapipeline.support.auth.UnauthenticatedException;
import dev.mediapipeline.support.http.CorsPolicy;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.support.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * sign-upload (HTTP). Decodes the request, authenticates the bearer token, asks {@link SignUploadService}
 * and encodes the answer; every refusal is an RFC 9457 problem that says what would have been accepted.
 *
 * <p>An optional {@code owner} ({@code {"type":"product","id":"42"}}) is recorded as the asset's first association,
 * so clean-up never takes the asset for an orphan.
 *
 * <p>Browsers are the main client: preflights ({@code OPTIONS}) are answered for the configured origins, and every
 * answer to a listed origin carries {@code Access-Control-Allow-Origin}. Each request is counted by outcome.
 */
public final class SignUploadFunction implements Function<HttpFunctionRequest, HttpFunctionResponse> {

    private static final Logger log = LoggerFactory.getLogger(SignUploadFunction.class);
    /** A sign request is a few hundred bytes; anything much larger is not one. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    static final java.util.List<String> REQUEST_FIELDS = java.util.List.of("folder", "filename", "contentType", "size", "owner");

    private final SignUploadService service;
    private final BearerAuthenticator jwt;
    private final ObjectMapper json;
    private final Problems problems;
    private final AssetAssociations associations;
    private final CorsPolicy cors;
    private final SignUploadMetrics metrics;

    /** Without associations: a request that names an owner is refused rather than its owner silently dropped. */
    public SignUploadFunction(SignUploadService service, BearerAuthenticator jwt, ObjectMapper json) {
        this(service, jwt, json, null);
    }

    /** @param associations where an owner named in the request is recorded; null when the runtime has none */
    public SignUploadFunction(SignUploadService service, BearerAuthenticator jwt, ObjectMapper json,
                              AssetAssociations associations) {
        this(service, jwt, json, associations, CorsPolicy.none(), SignUploadMetrics.inMemory());
    }

    /**
     * @param cors    which browser origins may call; {@link CorsPolicy#none()} for none
     * @param metrics where outcomes are counted
     */
    public SignUploadFunction(SignUploadService service, BearerAuthenticator jwt, ObjectMapper json,
                              AssetAssociations associations, CorsPolicy cors, SignUploadMetrics metrics) {
        this.service = service;
        this.jwt = jwt;
        this.json = json;
        this.problems = new Problems(json);
        this.associations = associations;
        this.cors = cors;
        this.metrics = metrics;
    }

    /** A sign request: what to upload and, optionally, the host-application record that will use it. */
    private record SignRequest(UploadRequest upload, Optional<AssetAssociations.Owner> owner) {
    }

    @Override
    public HttpFunctionResponse apply(HttpFunctionRequest request) {
        if (CorsPolicy.isPreflight(request)) {
            return cors.preflight(request, problems);
        }
        HttpFunctionResponse response = handle(request);
        metrics.countOutcome(response.status());
        return cors.decorate(request, response);
    }

    private HttpFunctionResponse handle(HttpFunctionRequest request) {
        if (!"POST".equalsIgnoreCase(request.method())) {
            return problems.problem(405, "method-not-allowed", "Method not allowed", "sign-upload accepts POST only",
                    null, Map.of("Allow", "POST, OPTIONS"));
        }
        Caller caller;
        try {
            caller = jwt.authenticate(request.header("Authorization"));
        } catch (UnauthenticatedException e) {
            log.atInfo().addKeyValue("reason", e.getMessage()).log("sign-upload refused: unauthenticated");
            return problems.problem(401, "unauthenticated", "Unauthenticated", e.getMessage(), null,
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        } catch (AuthUnavailableException e) {
            log.atWarn().addKeyValue("reason", e.getMessage()).log("sign-upload cannot check tokens");
            return problems.problem(503, "auth-unavailable", "Cannot check tokens right now", e.getMessage(), null,
                    Map.of("Retry-After", "5"));
        }
        if (!ContentTypes.normalise(request.header("Content-Type")).equals("application/json")) {
            return problems.problem(415, "unsupported-media-type", "Unsupported media type",
                    "send the sign request as JSON with 'Content-Type: application/json'");
        }
        if (request.body().length > MAX_BODY_BYTES) {
            return problems.problem(413, "request-too-large", "Request too large",
                    "a sign request is at most " + MAX_BODY_BYTES + " bytes of JSON");
        }
        SignRequest sign;
        try {
            sign = parse(request.body());
        } catch (IllegalArgumentException e) {
            return problems.problem(400, "invalid-request", "Invalid request", e.getMessage());
        }
        if (sign.owner().isPresent() && associations == null) {
            return problems.problem(501, "owner-not-supported", "Owners are not recorded here",
                    "this deployment does not record asset associations; sign without 'owner' and associate later");
        }
        try {
            SignUploadResult result = service.sign(caller, sign.upload());
            sign.owner().ifPresent(owner -> associate(result, owner));
            return HttpFunctionResponse.json(200, json.writeValueAsBytes(encode(result, sign.owner())));
        } catch (UploadRejectedException e) {
            return rejected(e);
        } catch (AccessDeniedException e) {
            return problems.problem(403, "forbidden", "Forbidden", e.getMessage(),
                    body -> e.requiredRoles().forEach(body.putArray("requiredRoles")::add), null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the sign response", e);
        } catch (TransientFailureException e) {
            log.atWarn().addKeyValue("folder", sign.upload().folder()).addKeyValue("error", e.toString())
                    .log("sign-upload failed for now");
            return problems.problem(503, "unavailable", "Try again shortly", "the upload could not be signed right now; "
                    + "nothing was recorded, so simply ask again", null, Map.of("Retry-After", "2"));
        }
    }

    /** The asset was inserted a moment ago, so only a storage fault can keep the association from being recorded. */
    private void associate(SignUploadResult result, AssetAssociations.Owner owner) {
        AssetAssociations.AddOutcome outcome = associations.add(result.assetId(), owner);
        if (outcome != AssetAssociations.AddOutcome.ADDED && outcome != AssetAssociations.AddOutcome.ALREADY_PRESENT) {
            throw new IllegalStateException("the asset " + result.assetId() + " just signed could not be associated: "
                    + outcome);
        }
        log.atInfo().addKeyValue("assetId", result.assetId()).addKeyValue("ownerType", owner.type())
                .addKeyValue("ownerId", owner.id()).log("owner recorded at signing");
    }

    private SignRequest parse(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object with folder, filename, contentType and size");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!REQUEST_FIELDS.contains(name)) {
                // e.g. a client trying to choose the key or Cloudinary's public_id/folder itself
                throw new IllegalArgumentException("unknown field '" + printable(name) + "': a sign request has only "
                        + String.join(", ", REQUEST_FIELDS) + "; the storage key is always chosen by the server");
            }
        });
        JsonNode size = node.get("size");
        if (size == null || !size.canConvertToLong() || !size.isIntegralNumber()) {
            throw new IllegalArgumentException("size must be the file's size in bytes (an integer)");
        }
        UploadRequest upload = new UploadRequest(text(node, "folder"), text(node, "filename"), text(node, "contentType"),
                size.asLong());
        return new SignRequest(upload, owner(node.get("owner")));
    }

    private static String printable(String name) {
        String shortened = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return shortened.replaceAll("\\p{Cntrl}|[\u202A-\u202E\u2066-\u2069]", "?");
    }

    private static Optional<AssetAssociations.Owner> owner(JsonNode owner) {
        if (owner == null || owner.isNull()) {
            return Optional.empty();
        }
        if (!owner.isObject()) {
            throw new IllegalArgumentException("owner must be an object like {\"type\":\"product\",\"id\":\"42\"}");
        }
        JsonNode id = owner.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw new IllegalArgumentException("owner.id is required and must be a string (or an integer)");
        }
        return Optional.of(new AssetAssociations.Owner(text(owner, "type", "owner.type"), id.asText()));
    }

    private static String text(JsonNode node, String field) {
        return text(node, field, field);
    }

    private static String text(JsonNode node, String field, String name) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(name + " is required and must be a string");
        }
        return value.asText();
    }

    private ObjectNode encode(SignUploadResult result, Optional<AssetAssociations.Owner> owner) {
        ObjectNode body = json.createObjectNode();
        body.put("assetId", result.assetId().toString());
        body.put("target", result.upload().target());
        ObjectNode upload = body.putObject("upload");
        upload.put("method", result.upload().method());
        upload.put("url", result.upload().url());
        ObjectNode fields = upload.putObject("fields");
        result.upload().fields().forEach(fields::put);
        upload.put("fileField", result.upload().fileField());
        body.put("expiresAt", result.expiresAt().toString());
        owner.ifPresent(o -> body.putObject("owner").put("type", o.type()).put("id", o.id()));
        return body;
    }

    private HttpFunctionResponse rejected(UploadRejectedException e) {
        int status = switch (e.kind()) {
            case INVALID_REQUEST -> 400;
            case TOO_LARGE -> 413;
            case TYPE_NOT_ALLOWED -> 415;
        };
        String type = switch (e.kind()) {
            case INVALID_REQUEST -> "invalid-request";
            case TOO_LARGE -> "too-large";
            case TYPE_NOT_ALLOWED -> "type-not-allowed";
        };
        log.atInfo().addKeyValue("status", status).addKeyValue("reason", type).addKeyValue("folder", e.folder())
                .log("sign-upload refused: {}", e.getMessage());
        return problems.problem(status, type, status == 400 ? "Invalid request"
                        : status == 413 ? "File too large for this folder" : "Type not allowed in this folder",
                e.getMessage(), body -> {
                    if (e.folder() != null) {
                        body.put("folder", e.folder());
                        ObjectNode allowed = body.putObject("allowed");
                        e.allowed().forEach(allowed::put);
                    }
                }, null);
    }
}
