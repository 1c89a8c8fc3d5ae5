package dev.mediapipeline.localrunner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.cloud.local.LocalBlobStore;
import dev.mediapipeline.cloud.local.LocalEventBus;
import dev.mediapipeline.cloud.local.LocalUploadSigner;
import dev.mediapipeline.domain.asset.Asset;
import dev.mediapipeline.domain.asset.AssetId;
import dev.mediapipeline.domain.asset.AssetStatus;
import dev.mediapipeline.domain.asset.Failure;
import dev.mediapipeline.domain.asset.FailureReason;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.BlobInfo;
import dev.mediapipeline.domain.port.ObjectUrls;
import dev.mediapipeline.domain.port.ProviderCopies;
import dev.mediapipeline.domain.thumbnail.RenditionKeys;
import dev.mediapipeline.domain.upload.UploadPolicy;
import dev.mediapipeline.domain.upload.UploadRejectedException;
import dev.mediapipeline.fn.signupload.SignUploadFunction;
import dev.mediapipeline.fn.verifywebhook.VerifyWebhookFunction;
import dev.mediapipeline.support.http.HttpFunctionRequest;
import dev.mediapipeline.support.http.HttpFunctionResponse;
import dev.mediapipeline.support.http.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The local runner's HTTP routes: the functions' HTTP entry points and a few read-only views. */
@RestController
class LocalRoutes {

    private static final Logger log = LoggerFactory.getLogger(LocalRoutes.class);
    private static final int MAX_FUNCTION_BODY = 1024 * 1024;

    private final SignUploadFunction signUpload;
    private final VerifyWebhookFunction verifyWebhook;
    private final LocalUploadSigner uploadSigner;
    private final LocalBlobStore blobs;
    private final AssetCatalog catalog;
    private final ProviderCopies providerCopies;
    private final UploadPolicy policy;
    private final ObjectUrls urls;
    private final LocalEventBus bus;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Problems problems;

    LocalRoutes(SignUploadFunction signUpload, VerifyWebhookFunction verifyWebhook, LocalUploadSigner uploadSigner, LocalBlobStore blobs, AssetCatalog catalog,
                ProviderCopies providerCopies, UploadPolicy policy, ObjectUrls urls, LocalEventBus bus, DataSource dataSource, ObjectMapper json) {
        this.signUpload = signUpload;
        this.verifyWebhook = verifyWebhook;
        this.uploadSigner = uploadSigner;
        this.blobs = blobs;
        this.catalog = catalog;
        this.providerCopies = providerCopies;
        this.policy = policy;
        this.urls = urls;
        this.bus = bus;
        this.dataSource = dataSource;
        this.json = json;
        this.problems = new Problems(json);
    }

    @PostMapping("/sign-upload")
    ResponseEntity<byte[]> signUpload(HttpServletRequest request) throws IOException {
        return toEntity(signUpload.apply(toFunctionRequest(request)));
    }

    /** Cloudinary notifications: verified over the raw bytes, then queued for apply-webhook-event. */
    @PostMapping("/verify-webhook")
    ResponseEntity<byte[]> verifyWebhook(HttpServletRequest request) throws IOException {
        return toEntity(verifyWebhook.apply(toFunctionRequest(request)));
    }

    /**
     * The target of a local signed upload: checks the signed policy, then the bytes that arrived against it
     * and against the folder policy again, then stores the original (which raises the storage event).
     */
    @PostMapping(value = "/local-upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> localUpload(@RequestParam Map<String, String> fields,
                                       @RequestParam(name = LocalUploadSigner.FILE_FIELD, required = false) MultipartFile file)
            throws IOException {
        LocalUploadSigner.Policy signed;
        try {
            signed = uploadSigner.verify(fields);
        } catch (LocalUploadSigner.RejectedUploadException e) {
            return toEntity(problems.problem(403, "upload-rejected", "Upload rejected", e.getMessage()));
        }
        if (file == null) {
            return toEntity(problems.problem(400, "invalid-request", "Invalid request",
                    "the form has no '" + LocalUploadSigner.FILE_FIELD + "' part; send the file last, under that name"));
        }
        AssetId assetId = signed.asset();
        long size = file.getSize();
        if (size < signed.minBytes()) {
            return toEntity(problems.problem(400, "invalid-request", "Empty file", "the '"
                    + LocalUploadSigner.FILE_FIELD + "' part has no bytes; send the file itself"));
        }
        try {
            if (size > signed.maxBytes()) {
                throw new UploadRejectedException(UploadRejectedException.Kind.TOO_LARGE, "the upload has " + size
                        + " bytes; the signed policy allows " + signed.minBytes() + " to " + signed.maxBytes(),
                        signed.folder(), policy.ruleFor(signed.folder()).maxBytesByType());
            }
            policy.checkArrived(signed.folder(), signed.contentType(), size);
        } catch (UploadRejectedException e) {
            catalog.updateStatus(assetId, AssetStatus.FAILED, null, size, new Failure(FailureReason.TOO_LARGE, e.getMessage()));
            log.atInfo().addKeyValue("assetId", assetId).addKeyValue("size", size).log("local upload refused: {}", e.getMessage());
            return toEntity(problems.problem(413, "too-large", "File too large", e.getMessage(), body -> {
                body.put("assetId", assetId.toString());
                body.put("maxBytes", signed.maxBytes());
            }, null));
        }
        try (InputStream content = file.getInputStream()) {
            blobs.put(signed.key(), content, signed.contentType(), Map.of("asset-id", assetId.toString()));
        }
        log.atInfo().addKeyValue("assetId", assetId).addKeyValue("size", size).log("original stored");
        ObjectNode body = json.createObjectNode().put("assetId", assetId.toString()).put("key", signed.key())
                .put("size", size).put("asset", "/assets/" + assetId);
        return ResponseEntity.status(201).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
    }

    @GetMapping("/assets/{id}")
    ResponseEntity<byte[]> asset(@PathVariable String id) throws IOException {
        AssetId assetId;
        try {
            assetId = AssetId.parse(id);
        } catch (IllegalArgumentException e) {
            return toEntity(problems.problem(400, "invalid-request", "Invalid asset id", "an asset id is a UUID"));
        }
        Optional<Asset> found = catalog.find(assetId);
        if (found.isEmpty()) {
            return toEntity(problems.problem(404, "not-found", "No such asset", "no asset has the id " + id));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(view(found.get())));
    }

    /**
     * Stored objects by key. Only renditions (re-encoded by us) are served inline; originals are sent as
     * attachments, so a polyglot upload can never run as a page of this origin.
     */
    @GetMapping("/blobs/**")
    ResponseEntity<?> blob(HttpServletRequest request) throws IOException {
        String raw = request.getRequestURI().substring(request.getContextPath().length() + "/blobs/".length());
        String key = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        Optional<BlobInfo> info = blobs.stat(key);
        if (info.isEmpty()) {
            return toEntity(problems.problem(404, "not-found", "No such object", "nothing is stored under that key"));
        }
        boolean rendition = RenditionKeys.isRendition(key, info.get().metadata());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentLength(info.get().size());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set(HttpHeaders.CONTENT_TYPE, rendition ? info.get().contentType() : MediaType.APPLICATION_OCTET_STREAM_VALUE);
        if (!rendition) {
            headers.set(HttpHeaders.CONTENT_DISPOSITION, "attachment");
        }
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(blobs.open(key)));
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean databaseUp;
        try (Connection connection = dataSource.getConnection()) {
            databaseUp = connection.isValid(2);
        } catch (Exception e) {
            databaseUp = false;
        }
        body.put("status", databaseUp ? "UP" : "DOWN");
        body.put("database", databaseUp ? "UP" : "DOWN");
        Map<String, Object> queues = new LinkedHashMap<>();
        for (String subscriber : bus.subscribers()) {
            queues.put(subscriber, Map.of("pending", bus.pending(subscriber).size(),
                    "deadLetters", bus.deadLetters(subscriber).size()));
        }
        body.put("queues", queues);
        return ResponseEntity.status(databaseUp ? 200 : 503).body(body);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<byte[]> uploadTooLarge(MaxUploadSizeExceededException e) {
        return toEntity(problems.problem(413, "too-large", "File too large",
                "the upload is larger than any folder accepts"));
    }

    private ObjectNode view(Asset asset) {
        ObjectNode body = json.createObjectNode();
        body.put("assetId", asset.id().toString());
        body.put("folder", asset.folder());
        body.put("filename", asset.filename());
        body.put("status", asset.status().name());
        body.put("contentType", asset.contentType() != null ? asset.contentType() : asset.declaredContentType());
        body.put("size", asset.size() != null ? asset.size() : asset.declaredSize());
        ArrayNode renditions = body.putArray("renditions");
        catalog.renditions(asset.id()).forEach(r -> renditions.addObject()
                .put("name", r.name()).put("width", r.width()).put("height", r.height()).put("format", r.format())
                .put("bytes", r.bytes()).put("url", urls.urlOf(r.objectKey())));
        ArrayNode copies = body.putArray("providerCopies");
        providerCopies.ofAsset(asset.id()).forEach(copy -> copies.addObject()
                .put("provider", copy.key().provider()).put("resourceType", copy.key().resourceType())
                .put("publicId", copy.key().publicId()).put("version", copy.version())
                .put("secureUrl", copy.secureUrl()).put("moderation", copy.moderationStatus())
                .put("deleted", copy.deleted()));
        if (asset.failure() == null) {
            body.putNull("failure");
        } else {
            body.putObject("failure").put("reason", asset.failure().reason().code()).put("detail", asset.failure().detail());
        }
        // What the signed upload allowed; null for assets recorded before these were kept.
        body.put("uploadSizeCap", asset.uploadSizeCap());
        body.put("uploadExpiresAt", asset.uploadExpiresAt() != null ? asset.uploadExpiresAt().toString() : null);
        body.put("createdAt", asset.createdAt().toString());
        body.put("updatedAt", asset.updatedAt().toString());
        return body;
    }

    static HttpFunctionRequest toFunctionRequest(HttpServletRequest request) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        byte[] body = request.getInputStream().readNBytes(MAX_FUNCTION_BODY + 1);
        return new HttpFunctionRequest(request.getMethod(), request.getRequestURI(), headers, body);
    }

    private static ResponseEntity<byte[]> toEntity(HttpFunctionResponse response) {
        HttpHeaders headers = new HttpHeaders();
        response.headers().forEach(headers::set);
        // LocalCors answers for the runner; a second copy of the header would make browsers refuse the answer.
        headers.remove(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        return ResponseEntity.status(response.status()).headers(headers).body(response.body());
    }
}
