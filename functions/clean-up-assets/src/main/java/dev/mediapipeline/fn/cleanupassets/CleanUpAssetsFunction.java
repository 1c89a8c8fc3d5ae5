package dev.mediapipeline.fn.cleanupassets;

import dev.mediapipeline.domain.cleanup.CleanupCommand;
import dev.mediapipeline.domain.cleanup.CleanupInterruptedException;
import dev.mediapipeline.domain.cleanup.CleanupService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * clean-up-assets, as the scheduler invokes it (Cloud Scheduler, EventBridge Scheduler): one run, its report as the
 * result. A run that lost its database throws {@link CleanupInterruptedException}, which is retryable, so the platform
 * tries again; everything the interrupted run did not finish is still there to be found.
 */
public final class CleanUpAssetsFunction implements Function<CleanupRequest, CleanupReportView> {

    private static final Logger log = LoggerFactory.getLogger(CleanUpAssetsFunction.class);

    private final CleanupService service;

    public CleanUpAssetsFunction(CleanupService service) {
        this.service = service;
    }

    @Override
    public CleanupReportView apply(CleanupRequest request) {
        CleanupCommand command = (request == null ? CleanupRequest.scheduledTick() : request).command();
        log.atInfo().addKeyValue("triggeredBy", command.triggeredBy()).addKeyValue("dryRun", command.dryRun())
                .log("clean-up run requested");
        return CleanupReportView.of(service.run(command));
    }
}
