package dev.mediapipeline.localrunner;

import dev.mediapipeline.cloud.local.LocalEventBus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every function's meters in one Prometheus registry, served as text on {@code GET /metrics}. The queue's
 * delivery outcomes are counted here too: {@code media_queue_deliveries_total{subscriber,outcome}}, where
 * outcome {@code dead_lettered} is the one to alert on.
 */
@Configuration(proxyBeanMethods = false)
class LocalMetrics {

    @Bean
    PrometheusMeterRegistry meterRegistry(LocalEventBus bus) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bus.addListener((message, outcome) -> Counter.builder("media_queue_deliveries")
                .description("Deliveries of queued messages by subscriber and outcome")
                .tag("subscriber", message.subscriber())
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .increment());
        return registry;
    }

    @RestController
    static class MetricsRoute {

        private final PrometheusMeterRegistry registry;

        MetricsRoute(PrometheusMeterRegistry registry) {
            this.registry = registry;
        }

        @GetMapping(value = "/metrics", produces = "text/plain; version=0.0.4; charset=utf-8")
        ResponseEntity<String> metrics() {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8"))
                    .body(registry.scrape());
        }
    }
}
