package dev.mediapipeline.cloud.aws;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

/** S3Mock started in the test JVM, and clients for it. */
final class S3MockServer {

    static final String ACCESS_KEY = "foo";
    static final String SECRET_KEY = "bar";

    private S3MockServer() {
    }

    static S3MockExtension extension(String... buckets) {
        return S3MockExtension.builder().silent().withInitialBuckets(buckets).build();
    }

    static URI endpoint(S3MockExtension s3mock) {
        return URI.create("http://localhost:" + s3mock.getHttpPort());
    }

    static S3Client client(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }
}
