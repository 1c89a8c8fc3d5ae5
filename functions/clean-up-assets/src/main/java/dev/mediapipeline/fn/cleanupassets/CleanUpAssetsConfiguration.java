package dev.mediapipeline.fn.cleanupassets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.domain.cleanup.CleanupService;
import dev.mediapipeline.domain.cleanup.OrphanDeleter;
import dev.mediapipeline.domain.cleanup.OrphanStorage;
import dev.mediapipeline.domain.cleanup.ProviderCopyDestroyer;
import dev.mediapipeline.domain.port.AssetCatalog;
import dev.mediapipeline.domain.port.AssetRemoval;
import dev.mediapipeline.domain.port.BlobListing;
import dev.mediapipeline.domain.port.BlobStore;
import dev.mediapipeline.domain.port.CleanupLock;
import dev.mediapipeline.domain.port.CleanupRuns;
import dev.mediapipeline.domain.port.MediaProvider;
import dev.mediapipeline.domain.port.OrphanFinder;
import dev.mediapipeline.domain.port.ProviderCopyLookup;
import dev.mediapipeline.support.auth.HmacJwt;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import dev.mediapipeline.support.config.MediaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Wires clean-up-assets as the bean {@code cleanUpAssets} (the schedule's entry point) and, when a bearer-token secret
 * is configured, {@code cleanUpAssetsAdmin} (the manual trigger), when the runtime provides the catalog, the blob
 * store and the clean-up ports. A {@link BlobListing} lets a run empty each asset's prefixes; a
 * {@link ProviderCopyLookup} together with a {@link MediaProvider} lets it destroy provider copies.
 */
@AutoConfiguration(after = MediaDomainConfiguration.class,
        afterName = "dev.mediapipeline.fn.signupload.SignUploadConfiguration")
@ConditionalOnBean({AssetCatalog.class, BlobStore.class, OrphanFinder.class, AssetRemoval.class, CleanupRuns.class,
        CleanupLock.class})
@EnableConfigurationProperties(CleanupProperties.class)
public class CleanUpAssetsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CleanUpAssetsConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    CleanupService cleanupService(OrphanFinder finder, AssetRemoval removal, CleanupRuns runs, CleanupLock lock,
                                  AssetCatalog catalog, BlobStore blobs, ObjectProvider<BlobListing> listing,
                                  ObjectProvider<ProviderCopyLookup> providerCopies,
                                  ObjectProvider<MediaProvider> provider, CleanupProperties properties, Clock clock) {
        // A blob store adapter that can list is its own listing; otherwise the runtime may provide one separately.
        BlobListing blobListing = blobs instanceof BlobListing itself ? itself : listing.getIfAvailable();
        OrphanDeleter deleter = new OrphanDeleter(removal, catalog, new OrphanStorage(blobs, blobListing),
                providerCopyDestroyer(providerCopies.getIfAvailable(), provider.getIfAvailable()));
        return new CleanupService(finder, deleter, runs, lock, properties.rules(), properties.limits(), clock);
    }

    /**
     * Both or neither: a provider without the lookup cannot know which copies to destroy, and rows deleted past the
     * grace period would take that knowledge with them, so that combination refuses to start.
     */
    private static ProviderCopyDestroyer providerCopyDestroyer(ProviderCopyLookup lookup, MediaProvider provider) {
        if (provider != null && lookup == null) {
            throw new IllegalStateException("clean-up-assets has a MediaProvider but no ProviderCopyLookup: it could "
                    + "not destroy provider copies and would forget them; provide a ProviderCopyLookup bean");
        }
        if (provider == null) {
            log.atInfo().log("no media provider: clean-up deletes blob-store objects and catalog rows only");
            return ProviderCopyDestroyer.none();
        }
        return new ProviderCopyDestroyer(lookup, provider);
    }

    @Bean
    CleanUpAssetsFunction cleanUpAssets(CleanupService service) {
        return new CleanUpAssetsFunction(service);
    }

    /** The manual trigger exists only where tokens can be checked; the scheduled run needs none. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "media.auth", name = "jwt-secret")
    static class AdminRoute {

        @Bean
        @ConditionalOnMissingBean
        HmacJwt hmacJwt(MediaProperties properties, Clock clock, ObjectProvider<ObjectMapper> json) {
            return BearerTokens.from(properties, clock, json.getIfAvailable(ObjectMapper::new));
        }

        @Bean
        CleanUpAssetsAdminFunction cleanUpAssetsAdmin(CleanupService service, HmacJwt jwt, CleanupProperties properties,
                                                      ObjectProvider<ObjectMapper> json) {
            return new CleanUpAssetsAdminFunction(service, jwt, properties.adminRole(),
                    json.getIfAvailable(ObjectMapper::new));
        }
    }
}
