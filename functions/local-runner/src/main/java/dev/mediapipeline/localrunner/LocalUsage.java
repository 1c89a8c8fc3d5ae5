package dev.mediapipeline.localrunner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.cloud.local.LocalBlobStore;
import dev.mediapipeline.domain.port.StorageUsage;
import dev.mediapipeline.domain.port.UsageHistory;
import dev.mediapipeline.domain.port.BlobInfo;
import dev.mediapipeline.domain.usage.FolderTally;
import dev.mediapipeline.fn.pollusage.PollUsageFunction;
import dev.mediapipeline.fn.pollusage.ScheduledTick;
import dev.mediapipeline.support.auth.HmacJwt;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/**
 * poll-usage on the laptop: bytes per folder of the local bucket (a full listing: cheap for a directory),
 * samples and alert state in the embedded PostgreSQL, {@code POST /admin/poll-usage} to run it by hand and
 * {@code GET /usage} for the latest samples. Cloudinary usage joins in when {@code CLOUDINARY_URL} is set.
 */
@Configuration(proxyBeanMethods = false)
class LocalUsage {

    @Bean
    StorageUsage storageUsage(LocalBlobStore blobs) {
        return () -> {
            FolderTally tally = new FolderTally();
            for (BlobInfo info : blobs.list("")) {
                tally.add(info.key(), info.size());
            }
            return tally.result();
        };
    }

    @RestController
    static class UsageRoutes {

        private final PollUsageFunction pollUsage;
        private final UsageHistory history;
        private final AdminGuard admin;
        private final ObjectMapper json;

        UsageRoutes(PollUsageFunction pollUsage, UsageHistory history, HmacJwt jwt, ObjectMapper json) {
            this.pollUsage = pollUsage;
            this.history = history;
            this.admin = new AdminGuard(jwt, json);
            this.json = json;
        }

        @PostMapping("/admin/poll-usage")
        ResponseEntity<byte[]> pollNow(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                       @RequestParam(defaultValue = "ops/manual") String triggeredBy) {
            return admin.run(authorization, () -> json(pollUsage.apply(new ScheduledTick(triggeredBy))));
        }

        /** The latest sample per resource and the most recent provider failures. */
        @GetMapping("/usage")
        ResponseEntity<byte[]> usage(@RequestParam(defaultValue = "10") int failures) {
            ObjectNode body = json.createObjectNode();
            body.set("latest", json.valueToTree(history.latest()));
            body.set("recentFailures", json.valueToTree(history.recentFailures(Math.min(Math.max(failures, 0), 100))));
            return json(body);
        }

        private ResponseEntity<byte[]> json(Object body) {
            try {
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
            } catch (Exception e) {
                throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
            }
        }
    }
}
