package dev.mediapipeline.testkit.fakes;

import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.event.PipelineEvent;
import dev.mediapipeline.domain.port.EventPublisher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps what was published; {@link #failNext(int)} simulates a broker that is down. */
public final class RecordingEventPublisher implements EventPublisher {

    private final List<PipelineEvent> published = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    public void failNext(int count) {
        failuresLeft.set(count);
    }

    @Override
    public synchronized void publish(PipelineEvent event) {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new TransientFailureException("injected publish fault");
        }
        published.add(event);
    }

    public synchronized List<PipelineEvent> published() {
        return List.copyOf(published);
    }

    public synchronized <T extends PipelineEvent> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
