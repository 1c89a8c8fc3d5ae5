package dev.mediapipeline.cloud.aws.runtime;

import dev.mediapipeline.cloud.aws.S3BlobStore;
import dev.mediapipeline.cloud.aws.S3StorageUsage;
import dev.mediapipeline.domain.port.BlobListing;
import dev.mediapipeline.domain.port.ObjectUrls;
import dev.mediapipeline.domain.port.StorageUsage;
import dev.mediapipeline.domain.usage.FolderUsage;
import dev.mediapipeline.runtime.PrefixRoutedBlobStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * The two buckets as the functions see them: one {@code BlobStore} (originals bucket, {@code derived/} keys in the
 * derived bucket), its listing, bytes per folder and public URLs.
 */
@Configuration(proxyBeanMethods = false)
@Import(AwsSdk.class)
public class AwsStorage {

    @Bean(destroyMethod = "close")
    S3Client s3Client(AwsProperties properties, Region region, AwsCredentialsProvider credentials, SdkHttpClient http) {
        S3ClientBuilder builder = S3Client.builder().region(region).credentialsProvider(credentials).httpClient(http);
        if (properties.endpoints().s3() != null) {
            builder.endpointOverride(properties.endpoints().s3()).forcePathStyle(true);
        }
        return builder.build();
    }

    @Bean
    PrefixRoutedBlobStore blobStore(S3Client s3, AwsProperties properties) {
        return new PrefixRoutedBlobStore(new S3BlobStore(s3, originalsBucket(properties)),
                new S3BlobStore(s3, derivedBucket(properties)));
    }

    /** A listing asks the bucket its prefix lives in. */
    @Bean
    BlobListing blobListing(PrefixRoutedBlobStore blobs) {
        return prefix -> ((BlobListing) blobs.storeFor(prefix)).list(prefix);
    }

    /** Originals and renditions count against the same folders, as on the laptop (one bucket there). */
    @Bean
    StorageUsage storageUsage(S3Client s3, AwsProperties properties) {
        StorageUsage originals = new S3StorageUsage(s3, originalsBucket(properties));
        StorageUsage derived = new S3StorageUsage(s3, derivedBucket(properties));
        return () -> {
            List<FolderUsage> folders = new ArrayList<>(originals.bytesByFolder());
            folders.addAll(derived.bytesByFolder());
            return folders;
        };
    }

    /**
     * {@code MEDIA_PUBLIC_BASE_URL} + key when a CDN fronts the buckets; otherwise the object's S3 URL (path-style
     * on an endpoint override, virtual-hosted on AWS).
     */
    @Bean
    ObjectUrls objectUrls(AwsProperties properties, Region region, Environment environment, PrefixRoutedBlobStore blobs) {
        String publicBaseUrl = environment.getProperty("media.public-base-url");
        return ObjectLinks.of(publicBaseUrl, properties.endpoints().s3(), region, key -> blobs.storeFor(key).bucket());
    }

    static String originalsBucket(AwsProperties properties) {
        return AwsProperties.require(properties.originalsBucket(), "MEDIA_AWS_ORIGINALS_BUCKET");
    }

    static String derivedBucket(AwsProperties properties) {
        return AwsProperties.require(properties.derivedBucket(), "MEDIA_AWS_DERIVED_BUCKET");
    }
}
