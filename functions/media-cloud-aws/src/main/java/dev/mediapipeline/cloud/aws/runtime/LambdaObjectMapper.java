package dev.mediapipeline.cloud.aws.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link ObjectMapper} of a deployable, with the settings Spring Boot's would have (ISO-8601 instants, unknown
 * properties tolerated). Boot's Jackson auto-configuration makes its mapper only when spring-web is on the classpath,
 * which a Lambda jar has no use for.
 */
@Configuration(proxyBeanMethods = false)
public class LambdaObjectMapper {

    @Bean
    ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
