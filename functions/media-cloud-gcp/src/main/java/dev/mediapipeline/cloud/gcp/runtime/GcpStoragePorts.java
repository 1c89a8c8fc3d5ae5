package dev.mediapipeline.cloud.gcp.runtime;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.mediapipeline.cloud.gcp.GcsBlobStore;
import dev.mediapipeline.cloud.gcp.GcsPostPolicySigner;
import dev.mediapipeline.cloud.gcp.GcsStorageUsage;
import dev.mediapipeline.domain.port.BlobListing;
import dev.mediapipeline.domain.port.ObjectUrls;
import dev.mediapipeline.domain.port.StorageUsage;
import dev.mediapipeline.domain.port.UploadSigner;
import dev.mediapipeline.domain.usage.FolderUsage;
import dev.mediapipeline.runtime.PrefixRoutedBlobStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Cloud Storage side of a GCP deployable: one {@link Storage} client, the two buckets as one blob store (and
 * listing), object URLs, bucket usage and the POST-policy signer. Import it only where the function needs storage, so
 * that the others neither build the client nor carry it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GcpProperties.class)
public class GcpStoragePorts {

    /** Absent when something else (a test's in-memory storage) already provided one. */
    @Bean
    @ConditionalOnMissingBean(Storage.class)
    Storage storage(GcpProperties gcp) {
        StorageOptions.Builder options = StorageOptions.newBuilder();
        if (GcpProperties.isSet(gcp.project())) {
            options.setProjectId(gcp.project());
        }
        if (GcpProperties.isSet(gcp.storageHost())) {
            options.setHost(gcp.storageHost());
        }
        return options.build().getService();
    }

    @Bean
    PrefixRoutedBlobStore blobStore(Storage storage, GcpProperties gcp) {
        return new PrefixRoutedBlobStore(originals(storage, gcp), derived(storage, gcp));
    }

    @Bean
    BlobListing blobListing(PrefixRoutedBlobStore blobs) {
        return prefix -> ((BlobListing) blobs.storeFor(prefix)).list(prefix);
    }

    @Bean
    ObjectUrls objectUrls(GcpProperties gcp) {
        return new GcsObjectUrls(gcp.publicBaseUrl(),
                GcpProperties.required(gcp.originalsBucket(), "MEDIA_GCP_ORIGINALS_BUCKET"),
                GcpProperties.required(gcp.derivedBucket(), "MEDIA_GCP_DERIVED_BUCKET"));
    }

    /** Both buckets, folder by folder: the originals' folders and the derived ones never share a name. */
    @Bean
    StorageUsage storageUsage(Storage storage, GcpProperties gcp) {
        StorageUsage originals = new GcsStorageUsage(storage, originals(storage, gcp).bucket());
        StorageUsage derived = new GcsStorageUsage(storage, derived(storage, gcp).bucket());
        return () -> {
            List<FolderUsage> folders = new ArrayList<>(originals.bytesByFolder());
            folders.addAll(derived.bytesByFolder());
            folders.sort(Comparator.comparing(FolderUsage::folder));
            return folders;
        };
    }

    /**
     * Signs with the named service account through IAM signBlob when one is configured (keyless; the runtime's
     * account needs roles/iam.serviceAccountTokenCreator on it), else with the storage client's own credentials.
     */
    @Bean
    UploadSigner uploadSigner(Storage storage, GcpProperties gcp) throws IOException {
        String bucket = originals(storage, gcp).bucket();
        if (!GcpProperties.isSet(gcp.signerServiceAccount())) {
            return new GcsPostPolicySigner(storage, bucket, gcp.uploadUrlStyle());
        }
        return new GcsPostPolicySigner(storage, bucket, GcsPostPolicySigner.impersonating(
                GoogleCredentials.getApplicationDefault(), gcp.signerServiceAccount()), gcp.uploadUrlStyle());
    }

    private static GcsBlobStore originals(Storage storage, GcpProperties gcp) {
        return new GcsBlobStore(storage, GcpProperties.required(gcp.originalsBucket(), "MEDIA_GCP_ORIGINALS_BUCKET"));
    }

    private static GcsBlobStore derived(Storage storage, GcpProperties gcp) {
        return new GcsBlobStore(storage, GcpProperties.required(gcp.derivedBucket(), "MEDIA_GCP_DERIVED_BUCKET"));
    }
}
