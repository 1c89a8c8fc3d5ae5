package dev.mediapipeline.fn.makethumbnail;

import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.thumbnail.MakeThumbnailService;

import java.util.function.Consumer;

/**
 * make-thumbnail (storage trigger). The platform edge decodes its payload into a {@link StorageObjectEvent};
 * this function hands it to {@link MakeThumbnailService}. Bad input is recorded and acknowledged there;
 * a {@link dev.mediapipeline.domain.error.TransientFailureException} escapes so the platform retries.
 */
public final class MakeThumbnailFunction implements Consumer<StorageObjectEvent> {

    private final MakeThumbnailService service;

    public MakeThumbnailFunction(MakeThumbnailService service) {
        this.service = service;
    }

    @Override
    public void accept(StorageObjectEvent event) {
        service.handle(event);
    }
}
