package dev.mediapipeline.localrunner;

import dev.mediapipeline.cloud.local.LocalBlobStore;
import dev.mediapipeline.domain.port.BlobListing;
import dev.mediapipeline.domain.port.ProviderCopies;
import dev.mediapipeline.domain.port.ProviderCopyLookup;
import dev.mediapipeline.fn.cleanupassets.CleanUpAssetsAdminFunction;
import dev.mediapipeline.fn.cleanupassets.ManageAssociationsFunction;
import dev.mediapipeline.store.postgres.JdbcAssetAssociations;
import dev.mediapipeline.store.postgres.JdbcAssetRemoval;
import dev.mediapipeline.store.postgres.JdbcCleanupRuns;
import dev.mediapipeline.store.postgres.JdbcOrphanFinder;
import dev.mediapipeline.store.postgres.PostgresCleanupLock;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Clock;

/**
 * clean-up-assets on the laptop: the orphan sweep over the embedded catalog and the local bucket,
 * {@code POST /admin/clean-up} to preview or run it, and the associations write path
 * {@code GET/POST/DELETE /assets/{id}/associations}.
 */
@Configuration(proxyBeanMethods = false)
class LocalCleanup {

    @Bean
    JdbcAssetAssociations assetAssociations(DataSource dataSource, Clock clock) {
        return new JdbcAssetAssociations(dataSource, clock);
    }

    @Bean
    JdbcOrphanFinder orphanFinder(DataSource dataSource) {
        return new JdbcOrphanFinder(dataSource);
    }

    @Bean
    JdbcAssetRemoval assetRemoval(DataSource dataSource, Clock clock) {
        return new JdbcAssetRemoval(dataSource, clock);
    }

    @Bean
    JdbcCleanupRuns cleanupRuns(DataSource dataSource, Clock clock) {
        return new JdbcCleanupRuns(dataSource, clock);
    }

    @Bean
    PostgresCleanupLock cleanupLock(DataSource dataSource) {
        return new PostgresCleanupLock(dataSource);
    }

    @Bean
    BlobListing blobListing(LocalBlobStore blobs) {
        return blobs::list;
    }

    /** The provider copies apply-webhook-event recorded, still live at the provider. */
    @Bean
    ProviderCopyLookup providerCopyLookup(ProviderCopies copies) {
        return assetId -> copies.ofAsset(assetId).stream()
                .filter(copy -> !copy.deleted())
                .map(copy -> new ProviderCopyLookup.Copy(copy.key().provider(), copy.key().resourceType(), copy.key().publicId()))
                .toList();
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
