package dev.mediapipeline.localrunner;

import dev.mediapipeline.cloud.local.LocalBlobStore;
import dev.mediapipeline.domain.port.BlobListing;
import dev.mediapipeline.fn.cleanupassets.CleanUpAssetsAdminFunction;
import dev.mediapipeline.fn.cleanupassets.ManageAssociationsFunction;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * clean-up-assets on the laptop: the orphan sweep over the embedded catalog and the local bucket,
 * {@code POST /admin/clean-up} to preview or run it, and the associations write path
 * {@code GET/POST/DELETE /assets/{id}/associations}.
 */
@Configuration(proxyBeanMethods = false)
class LocalCleanup {

    @Bean
    BlobListing blobListing(LocalBlobStore blobs) {
        return blobs::list;
    }

    @RestController
    static class CleanupRoutes {

        private final CleanUpAssetsAdminFunction cleanUp;
        private final ManageAssociationsFunction associations;

        CleanupRoutes(CleanUpAssetsAdminFunction cleanUp, ManageAssociationsFunction associations) {
            this.cleanUp = cleanUp;
            this.associations = associations;
        }

        @RequestMapping(value = "/admin/clean-up", method = RequestMethod.POST)
        ResponseEntity<byte[]> cleanUp(HttpServletRequest request) throws IOException {
            return AdminGuard.entity(cleanUp.apply(LocalRoutes.toFunctionRequest(request)));
        }

        @RequestMapping(value = "/assets/{id}/associations", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.DELETE})
        ResponseEntity<byte[]> associations(HttpServletRequest request) throws IOException {
            return AdminGuard.entity(associations.apply(LocalRoutes.toFunctionRequest(request)));
        }
    }
}
