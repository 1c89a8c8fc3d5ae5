package dev.mediapipeline.fn.applywebhookevent;

import dev.mediapipeline.domain.webhook.CloudinaryNotification;
import dev.mediapipeline.domain.webhook.DerivedCopy;
import dev.mediapipeline.domain.webhook.ModerationVerdict;
import dev.mediapipeline.domain.webhook.NotificationType;
import dev.mediapipeline.domain.webhook.NotifiedResource;
import dev.mediapipeline.domain.webhook.UnusableNotificationException;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static dev.mediapipeline.fn.applywebhookevent.CloudinarySamples.ASSET;
import static dev.mediapipeline.fn.applywebhookevent.CloudinarySamples.PUBLIC_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JacksonNotificationDecoderTest {

    private final JacksonNotificationDecoder decoder = new JacksonNotificationDecoder();

    @Test
    void everySampleInTheEventsDirectoryDecodes_andTogetherTheyCoverEveryAppliedType() throws IOException {
        Set<NotificationType> covered = EnumSet.noneOf(NotificationType.class);
        try (Stream<Path> files = Files.list(CloudinarySamples.DIRECTORY)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                CloudinaryNotification notification = decoder.decode(Files.readString(file));
                assertThat(notification.assetId()).as(file.getFileName().toString()).contains(ASSET);
                covered.add(notification.type());
            }
        }
        assertThat(covered).containsExactlyInAnyOrder(NotificationType.values());
    }

    @Test
    void theUploadSampleCarriesTheCopyAndItsPendingModeration() {
        CloudinaryNotification upload = decoder.decode(CloudinarySamples.read(CloudinarySamples.UPLOAD));

        assertThat(upload.type()).isEqualTo(NotificationType.UPLOAD);
        assertThat(upload.resources()).containsExactly(new NotifiedResource(PUBLIC_ID, "image", "upload", 1767225605L,
                "https://res.cloudinary.com/demo-cloud/image/upload/v1767225605/" + PUBLIC_ID + ".jpg", "jpg", 482113L,
                "5d1c2b7e9a0f4c3e8b6a2d4f1e3c5a7b"));
        assertThat(upload.moderation()).isEqualTo(new ModerationVerdict("pending", "manual"));
    }

    @Test
    void theDeleteSampleListsTheDestroyedCopies() {
        CloudinaryNotification destroy = decoder.decode(CloudinarySamples.read(CloudinarySamples.DELETE));

        assertThat(destroy.type()).isEqualTo(NotificationType.DESTROY);
        assertThat(destroy.resources()).singleElement().satisfies(resource -> {
            assertThat(resource.publicId()).isEqualTo(PUBLIC_ID);
            assertThat(resource.version()).isEqualTo(1767225605L);
        });
    }

    @Test
    void theEagerSampleCarriesTheDerivedVersions_andDefaultsTheResourceTypeToImage() {
        CloudinaryNotification derived = decoder.decode(CloudinarySamples.read(CloudinarySamples.EAGER));

        assertThat(derived.type()).isEqualTo(NotificationType.DERIVED);
        assertThat(derived.resourceType()).isEqualTo("image");
        assertThat(derived.version()).isNull();
        assertThat(derived.derived()).extracting(DerivedCopy::transformation)
                .containsExactly("c_fill,h_256,w_256", "c_limit,w_1024/f_webp");
        assertThat(derived.derived().get(0)).isEqualTo(new DerivedCopy("c_fill,h_256,w_256", "jpg", 256, 256, 18211L,
                "https://res.cloudinary.com/demo-cloud/image/upload/c_fill,h_256,w_256/v1767225605/" + PUBLIC_ID + ".jpg"));
    }

    @Test
    void theModerationSampleCarriesTheDecision() {
        CloudinaryNotification moderation = decoder.decode(CloudinarySamples.read(CloudinarySamples.MODERATION));

        assertThat(moderation.type()).isEqualTo(NotificationType.MODERATION);
        assertThat(moderation.moderationStatus()).contains("approved");
        assertThat(moderation.moderation().kind()).isEqualTo("manual");
    }

    @Test
    void aDeleteOfSeveralCopiesKeepsThemAll() {
        CloudinaryNotification destroy = decoder.decode("""
                {"notification_type":"delete","resources":[{"public_id":"a/1","resource_type":"raw"},{"public_id":"a/2"}]}""");

        assertThat(destroy.resources()).extracting(NotifiedResource::publicId, NotifiedResource::resourceType)
                .containsExactly(Tuple.tuple("a/1", "raw"),
                        Tuple.tuple("a/2", "image"));
    }

    @Test
    void fieldsThePipelineDoesNotUseAreIgnored() {
        CloudinaryNotification upload = decoder.decode("""
                {"notification_type":"upload","public_id":"a/b","version":"1767225605","new_field":{"x":[1,2]}}""");

        assertThat(upload.version()).isEqualTo(1767225605L);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "not json                                                                  | invalid-json",
            "[{\"notification_type\":\"upload\"}]                                      | invalid-json",
            "{\"notification_type\":\"upload\",\"public_id\":\"a\",\"version\":1} x    | invalid-json",
            "{\"notification_type\":\"upload\",\"notification_type\":\"delete\"}       | invalid-json",
            "{\"public_id\":\"a/b\",\"version\":1}                                     | unsupported-type",
            "{\"notification_type\":\"rename\",\"from_public_id\":\"a\"}               | unsupported-type",
            "{\"notification_type\":\"resource_tags_changed\",\"resources\":[]}        | unsupported-type",
            "{\"notification_type\":\"upload\",\"version\":1}                          | missing-public-id",
            "{\"notification_type\":\"upload\",\"public_id\":\"  \",\"version\":1}     | missing-public-id",
            "{\"notification_type\":\"moderation\",\"moderation_status\":\"approved\"} | missing-public-id",
            "{\"notification_type\":\"delete\",\"resources\":[]}                       | missing-public-id",
            "{\"notification_type\":\"delete\"}                                        | missing-public-id",
            "{\"notification_type\":\"upload\",\"public_id\":\"a/b\"}                  | malformed-field",
            "{\"notification_type\":\"upload\",\"public_id\":7,\"version\":1}          | malformed-field",
            "{\"notification_type\":\"upload\",\"public_id\":\"a/b\",\"version\":1.5}  | malformed-field",
            "{\"notification_type\":\"eager\",\"public_id\":\"a/b\"}                   | malformed-field",
            "{\"notification_type\":\"eager\",\"public_id\":\"a/b\",\"eager\":[{}]}    | malformed-field",
            "{\"notification_type\":\"moderation\",\"public_id\":\"a/b\"}              | malformed-field",
            "{\"notification_type\":\"delete\",\"resources\":{\"a\":1}}                | malformed-field"
    })
    void aGenuineButUnusableBodyIsRefusedWithItsReason(String body, String reason) {
        assertThatThrownBy(() -> decoder.decode(body)).isInstanceOfSatisfying(UnusableNotificationException.class, e -> {
            assertThat(e.reason().code()).isEqualTo(reason);
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).isNotBlank();
        });
    }
}
