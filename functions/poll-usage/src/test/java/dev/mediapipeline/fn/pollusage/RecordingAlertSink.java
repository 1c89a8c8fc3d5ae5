package dev.mediapipeline.fn.pollusage;

import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.AlertSink;
import dev.mediapipeline.domain.usage.AlertLevel;
import dev.mediapipeline.domain.usage.UsageAlert;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps every alert it is given; {@link #failNext(int)} makes the next deliveries fail like a webhook outage. */
final class RecordingAlertSink implements AlertSink {

    private final List<UsageAlert> alerts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    void failNext(int count) {
        failuresLeft.set(count);
    }

    @Override
    public void send(UsageAlert alert) {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new TransientFailureException("webhook down");
        }
        alerts.add(alert);
    }

    List<UsageAlert> alerts() {
        return List.copyOf(alerts);
    }

    List<AlertLevel> levels() {
        return alerts.stream().map(UsageAlert::level).toList();
    }
}
