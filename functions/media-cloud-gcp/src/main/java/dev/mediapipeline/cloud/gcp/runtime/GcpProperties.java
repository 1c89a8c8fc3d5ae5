package dev.mediapipeline.cloud.gcp.runtime;

import dev.mediapipeline.cloud.gcp.GcsPostPolicySigner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where a GCP deployable finds its buckets and topics ({@code MEDIA_GCP_*}, see the deployment contract).
 *
 * @param project                the project (the deployables set it from {@code GOOGLE_CLOUD_PROJECT})
 * @param originalsBucket        uploads land here; storage events name it
 * @param derivedBucket          renditions and text documents (keys under {@code derived/})
 * @param eventsTopic            topic id for pipeline and text events (attribute {@code type} tells them apart)
 * @param webhookTopic           topic id verify-webhook publishes verified notifications to
 * @param signerServiceAccount   sign-upload: e-mail of the service account that signs POST policies through IAM
 *                               signBlob; empty to sign with the runtime's own credentials
 * @param uploadUrlStyle         where browsers post uploads (PATH works for bucket names with dots)
 * @param publicBaseUrl          base URL clients fetch objects from (a CDN); empty for the buckets' own URLs
 * @param acknowledgeWithin      how long a publish waits for Pub/Sub's acknowledgement before failing (retry)
 * @param storageHost            a Cloud Storage endpoint other than Google's (an emulator); empty for Google's
 * @param pubsubEmulatorHost     host:port of a Pub/Sub emulator (plaintext, no credentials); empty for Google's
 */
@ConfigurationProperties("media.gcp")
public record GcpProperties(String project, String originalsBucket, String derivedBucket, String eventsTopic,
                            String webhookTopic, String signerServiceAccount,
                            @DefaultValue("PATH") GcsPostPolicySigner.UrlStyle uploadUrlStyle, String publicBaseUrl,
                            @DefaultValue("30s") Duration acknowledgeWithin, String storageHost,
                            String pubsubEmulatorHost) {

    static String required(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("set " + variable + " (see the deployment contract's GCP variables)");
        }
        return value;
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
