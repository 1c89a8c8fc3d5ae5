package dev.mediapipeline.fn.extracttext;

import dev.mediapipeline.domain.event.StorageObjectEvent;
import dev.mediapipeline.domain.text.ExtractTextService;

import java.util.function.Consumer;

/**
 * extract-text (storage trigger, on its own subscription beside make-thumbnail's). The platform edge decodes its
 * payload into a {@link StorageObjectEvent}; this function hands it to {@link ExtractTextService}. Bad input is
 * recorded and acknowledged there; a {@link dev.mediapipeline.domain.error.TransientFailureException} escapes so the
 * platform retries.
 */
public final class ExtractTextFunction implements Consumer<StorageObjectEvent> {

    private final ExtractTextService service;

    public ExtractTextFunction(ExtractTextService service) {
        this.service = service;
    }

    @Override
    public void accept(StorageObjectEvent event) {
        service.handle(event);
    }
}
