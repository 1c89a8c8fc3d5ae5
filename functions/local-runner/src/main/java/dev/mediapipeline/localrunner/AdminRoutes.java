package dev.mediapipeline.localrunner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.cloud.local.BusMessage;
import dev.mediapipeline.cloud.local.LocalEventBus;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.http.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Operator routes of the local runner, behind a bearer token with the {@code admin} role: dead letters
 * (list, show, replay), used by {@code scripts/replay-dlq}.
 */
@RestController
class AdminRoutes {

    private final LocalEventBus bus;
    private final AdminGuard admin;
    private final ObjectMapper json;
    private final Problems problems;

    AdminRoutes(LocalEventBus bus, HmacJwt jwt, ObjectMapper json) {
        this.bus = bus;
        this.admin = new AdminGuard(jwt, json);
        this.json = json;
        this.problems = new Problems(json);
    }

    @GetMapping("/admin/dead-letters")
    ResponseEntity<byte[]> deadLetters(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return asAdmin(authorization, () -> {
            ObjectNode body = json.createObjectNode();
            for (String subscriber : bus.subscribers()) {
                ArrayNode letters = body.putArray(subscriber);
                bus.deadLetters(subscriber).forEach(letter -> letters.add(summary(letter)));
            }
            return ok(body);
        });
    }

    @GetMapping("/admin/dead-letters/{subscriber}/{id}")
    ResponseEntity<byte[]> deadLetter(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                      @PathVariable String subscriber, @PathVariable String id) {
        return asAdmin(authorization, () -> find(subscriber, id)
                .map(letter -> ok(json.valueToTree(letter)))
                .orElseGet(() -> notFound(subscriber, id)));
    }

    /** Replays one dead letter; with {@code dryRun=true} only says what would be replayed. */
    @PostMapping("/admin/dead-letters/{subscriber}/{id}/replay")
    ResponseEntity<byte[]> replay(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                  @PathVariable String subscriber, @PathVariable String id,
                                  @RequestParam(defaultValue = "false") boolean dryRun) {
        return asAdmin(authorization, () -> {
            Optional<BusMessage> letter = find(subscriber, id);
            if (letter.isEmpty()) {
                return notFound(subscriber, id);
            }
            boolean replayed = !dryRun && bus.replay(subscriber, id);
            ObjectNode body = summary(letter.get()).put("dryRun", dryRun).put("replayed", replayed);
            return ok(body);
        });
    }

    private Optional<BusMessage> find(String subscriber, String id) {
        if (!bus.subscribers().contains(subscriber)) {
            return Optional.empty();
        }
        return bus.deadLetters(subscriber).stream().filter(letter -> letter.id().equals(id)).findFirst();
    }

    private ObjectNode summary(BusMessage letter) {
        return json.createObjectNode()
                .put("subscriber", letter.subscriber())
                .put("id", letter.id())
                .put("topic", letter.topic())
                .put("attempts", letter.attempts())
                .put("publishedAt", letter.publishedAt().toString())
                .put("deadLetteredAt", letter.nextAttemptAt().toString())
                .put("lastError", letter.lastError());
    }

    private ResponseEntity<byte[]> asAdmin(String authorization, Supplier<ResponseEntity<byte[]>> action) {
        return admin.run(authorization, action);
    }

    private ResponseEntity<byte[]> notFound(String subscriber, String id) {
        return AdminGuard.entity(problems.problem(404, "not-found", "No such dead letter",
                "subscriber '" + subscriber + "' has no dead letter " + id + "; list them with scripts/replay-dlq list"));
    }

    private ResponseEntity<byte[]> ok(com.fasterxml.jackson.databind.JsonNode body) {
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
