package dev.mediapipeline.fn.applywebhookevent;

import dev.mediapipeline.domain.error.RetryLaterException;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.webhook.ApplyNotificationService;
import dev.mediapipeline.domain.webhook.ReceivedNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * apply-webhook-event (queue consumer). Returning acknowledges the message: applied, a duplicate, an unknown asset
 * or an unusable body (the last two recorded in the notification log). A transient fault is thrown, so the queue
 * redelivers with backoff and finally dead-letters; {@link RetryLaterException} asks for a later delivery while
 * another attempt holds the notification.
 */
public final class ApplyWebhookEventFunction implements Consumer<ReceivedNotification> {

    private static final Logger log = LoggerFactory.getLogger(ApplyWebhookEventFunction.class);

    private final ApplyNotificationService service;
    private final ApplyWebhookMetrics metrics;

    public ApplyWebhookEventFunction(ApplyNotificationService service, ApplyWebhookMetrics metrics) {
        this.service = service;
        this.metrics = metrics;
    }

    @Override
    public void accept(ReceivedNotification received) {
        ApplyNotificationService.Result result;
        try {
            result = service.apply(received);
        } catch (RetryLaterException later) {
            throw later;
        } catch (TransientFailureException fault) {
            metrics.failed(ApplyWebhookMetrics.TRANSIENT);
            log.atWarn().addKeyValue("identity", received.identity())
                    .log("applying the notification failed; the queue will redeliver it: {}", fault.getMessage());
            throw fault;
        }
        switch (result.outcome()) {
            case APPLIED -> metrics.applied(result.type());
            case UNKNOWN_ASSET, UNUSABLE -> metrics.failed(result.reason());
            case DUPLICATE -> {
                // Already counted when it was first handled.
            }
        }
    }
}
