package dev.mediapipeline.cloud.gcp.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mediapipeline.runtime.PostgresConnection;
import dev.mediapipeline.runtime.PostgresPorts;
import dev.mediapipeline.support.config.MediaDomainConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What every GCP deployable runs on: the catalog database's ports, the function catalog Spring Cloud Function's
 * {@code FunctionInvoker} looks the bean up in, a JSON mapper, and the domain's settings. Named one by one instead of
 * {@code @EnableAutoConfiguration}, so a cold start evaluates these few configurations rather than every one on the
 * class path. A deployable imports this, the cloud ports it needs ({@link GcpStoragePorts}, {@link GcpPubSubPorts})
 * and its function's auto-configuration; imported configuration is processed first, so the function's
 * {@code @ConditionalOnBean} conditions see the ports.
 */
@Configuration(proxyBeanMethods = false)
@Import({PostgresConnection.class, PostgresPorts.class})
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ContextFunctionCatalogAutoConfiguration.class,
        MediaDomainConfiguration.class})
public class GcpFunctionRuntime {

    /**
     * The functions' JSON mapper. Boot's Jackson auto-configuration only builds one next to Spring MVC, which the
     * deployables do not carry.
     */
    @Bean
    @ConditionalOnMissingBean
    ObjectMapper objectMapper() {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }
}
