package dev.mediapipeline.fn.extracttext;

import dev.mediapipeline.domain.port.TextEvents;
import dev.mediapipeline.domain.text.TextEvent;

import java.util.ArrayList;
import java.util.List;

/** Keeps what was published. */
final class RecordingTextEvents implements TextEvents {

    private final List<TextEvent> published = new ArrayList<>();

    @Override
    public synchronized void publish(TextEvent event) {
        published.add(event);
    }

    synchronized <T extends TextEvent> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    synchronized List<TextEvent> published() {
        return List.copyOf(published);
    }
}
