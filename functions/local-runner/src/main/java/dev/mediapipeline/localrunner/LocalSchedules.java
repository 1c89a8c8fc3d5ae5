package dev.mediapipeline.localrunner;

import dev.mediapipeline.fn.cleanupassets.CleanUpAssetsFunction;
import dev.mediapipeline.fn.cleanupassets.CleanupRequest;
import dev.mediapipeline.fn.pollusage.PollUsageFunction;
import dev.mediapipeline.fn.pollusage.ScheduledTick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The cloud schedules, played locally: poll-usage every 15 minutes, clean-up-assets daily at 02:00 UTC.
 * Off with {@code media.local.schedules.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "media.local.schedules.enabled", havingValue = "true", matchIfMissing = true)
class LocalSchedules {

    private static final Logger log = LoggerFactory.getLogger(LocalSchedules.class);

    private final PollUsageFunction pollUsage;
    private final CleanUpAssetsFunction cleanUpAssets;

    LocalSchedules(PollUsageFunction pollUsage, CleanUpAssetsFunction cleanUpAssets) {
        this.pollUsage = pollUsage;
        this.cleanUpAssets = cleanUpAssets;
    }

    @Scheduled(initialDelayString = "PT15M", fixedRateString = "PT15M")
    void pollUsage() {
        runLogged("poll-usage", () -> pollUsage.apply(new ScheduledTick(ScheduledTick.UNKNOWN)));
    }

    @Scheduled(cron = "0 0 2 * * *", zone = "UTC")
    void cleanUpAssets() {
        runLogged("clean-up-assets", () -> cleanUpAssets.apply(CleanupRequest.scheduledTick()));
    }

    /** A failed run is logged and waits for the next tick, as a cloud schedule's retries would end. */
    private static void runLogged(String function, Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            log.atError().addKeyValue("function", function).setCause(e).log("scheduled run failed; the next tick tries again");
        }
    }
}
