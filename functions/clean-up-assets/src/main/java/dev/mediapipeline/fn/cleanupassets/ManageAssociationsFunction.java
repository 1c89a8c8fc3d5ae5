package dev.mediapipeline.fn.cleanupassets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.port.AssetAssociations;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.support.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The associations write path over HTTP, on {@code /assets/{id}/associations}: {@code GET} lists the owners,
 * {@code POST} adds one, {@code DELETE} removes one; the body of POST and DELETE is the owner,
 * {@code {"type":"product","id":"42"}}.
 *
 * <p>Adding only ever keeps an asset, which is the safe direction, and sign-upload already lets an uploader name an
 * owner, so adding (and listing) needs the uploader or the admin role. Removing can make an asset an orphan that the
 * next run deletes, so it needs the admin role: an uploader token handed to a browser must not be able to expose
 * other people's assets to deletion.
 */
public final class ManageAssociationsFunction implements Function<HttpFunctionRequest, HttpFunctionResponse> {

    private static final Logger log = LoggerFactory.getLogger(ManageAssociationsFunction.class);
    private static final Pattern PATH = Pattern.compile("(?:.*/)?assets/([^/?]+)/associations/?(?:\\?.*)?");
    private static final String ROUTE = "associations";

    private final AssetAssociations associations;
    private final BearerAccess access;
    private final Set<String> readOrAddRoles;
    private final Set<String> removeRoles;
    private final ObjectMapper json;
    private final Problems problems;

    /**
     * @param uploaderRole may list and add associations
     * @param adminRole    may also remove them
     */
    public ManageAssociationsFunction(AssetAssociations associations, HmacJwt jwt, String uploaderRole,
                                      String adminRole, ObjectMapper json) {
        this.associations = associations;
        this.problems = new Problems(json);
        this.access = new BearerAccess(jwt, problems);
        this.readOrAddRoles = Set.of(uploaderRole, adminRole);
        this.removeRoles = Set.of(adminRole);
        this.json = json;
    }

    @Override
    public HttpFunctionResponse apply(HttpFunctionRequest request) {
        String method = request.method().toUpperCase(java.util.Locale.ROOT);
        if (!Set.of("GET", "POST", "DELETE").contains(method)) {
            return problems.problem(405, "method-not-allowed", "Method not allowed",
                    "associations accept GET, POST and DELETE", null, Map.of("Allow", "GET, POST, DELETE"));
        }
        BearerAccess.Decision decision = access.check(request, method.equals("DELETE") ? removeRoles : readOrAddRoles,
                ROUTE);
        if (decision.refused()) {
            return decision.refusal();
        }
        AssetId assetId;
        try {
            assetId = assetIdIn(request.path());
        } catch (IllegalArgumentException e) {
            return problems.problem(400, "invalid-request", "Invalid request", e.getMessage());
        }
        try {
            if (method.equals("GET")) {
                return ok(200, owners(assetId));
            }
            AssetAssociations.Owner owner;
            try {
                owner = owner(JsonBodies.object(request, json));
            } catch (JsonBodies.RejectedBodyException e) {
                return e.problem() == JsonBodies.Problem.TOO_LARGE
                        ? problems.problem(413, "request-too-large", "Request too large", e.getMessage())
                        : problems.problem(415, "unsupported-media-type", "Unsupported media type", e.getMessage());
            } catch (IllegalArgumentException e) {
                return problems.problem(400, "invalid-request", "Invalid request", e.getMessage());
            }
            return method.equals("POST") ? add(assetId, owner, decision.caller().subject())
                    : remove(assetId, owner, decision.caller().subject());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the associations answer", e);
        }
    }

    private HttpFunctionResponse add(AssetId assetId, AssetAssociations.Owner owner, String subject)
            throws JsonProcessingException {
        AssetAssociations.AddOutcome outcome = associations.add(assetId, owner);
        log.atInfo().addKeyValue("assetId", assetId).addKeyValue("ownerType", owner.type())
                .addKeyValue("ownerId", owner.id()).addKeyValue("subject", subject).addKeyValue("outcome", outcome)
                .log("association add requested");
        return switch (outcome) {
            case ADDED -> ok(201, answer(assetId, owner).put("associated", true));
            case ALREADY_PRESENT -> ok(200, answer(assetId, owner).put("associated", true));
            case NO_SUCH_ASSET -> problems.problem(404, "not-found", "No such asset", "no asset has the id " + assetId);
            case ASSET_DELETED -> problems.problem(409, "asset-deleted", "Asset deleted",
                    "asset " + assetId + " is deleted or being deleted by clean-up; its files may be gone, "
                            + "so it cannot be associated. Upload it again.");
        };
    }

    private HttpFunctionResponse remove(AssetId assetId, AssetAssociations.Owner owner, String subject)
            throws JsonProcessingException {
        boolean removed = associations.remove(assetId, owner);
        log.atInfo().addKeyValue("assetId", assetId).addKeyValue("ownerType", owner.type())
                .addKeyValue("ownerId", owner.id()).addKeyValue("subject", subject).addKeyValue("removed", removed)
                .log("association remove requested");
        return ok(200, answer(assetId, owner).put("removed", removed));
    }

    private ObjectNode owners(AssetId assetId) {
        ObjectNode body = json.createObjectNode().put("assetId", assetId.toString());
        ArrayNode owners = body.putArray("owners");
        associations.ownersOf(assetId).forEach(owner -> owners.addObject().put("type", owner.type()).put("id", owner.id()));
        return body;
    }

    private ObjectNode answer(AssetId assetId, AssetAssociations.Owner owner) {
        ObjectNode body = json.createObjectNode().put("assetId", assetId.toString());
        body.putObject("owner").put("type", owner.type()).put("id", owner.id());
        return body;
    }

    private HttpFunctionResponse ok(int status, ObjectNode body) throws JsonProcessingException {
        return HttpFunctionResponse.json(status, json.writeValueAsBytes(body));
    }

    private static AssetId assetIdIn(String path) {
        Matcher matcher = PATH.matcher(path == null ? "" : path);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("the path must be /assets/{assetId}/associations");
        }
        try {
            return AssetId.parse(matcher.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an asset id is a UUID, not " + matcher.group(1));
        }
    }

    /** @throws IllegalArgumentException when the body is not an owner */
    private static AssetAssociations.Owner owner(JsonNode body) {
        JsonNode type = body.get("type");
        JsonNode id = body.get("id");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException("type is required and must be a string, e.g. {\"type\":\"product\",\"id\":\"42\"}");
        }
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            throw new IllegalArgumentException("id is required and must be a string (or an integer)");
        }
        return new AssetAssociations.Owner(type.asText(), id.asText());
    }
}
