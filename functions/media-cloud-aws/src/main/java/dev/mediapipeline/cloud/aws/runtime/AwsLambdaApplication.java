package dev.mediapipeline.cloud.aws.runtime;

import dev.mediapipeline.support.config.MediaDomainConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The main class of an AWS deployable: a Spring Boot configuration with a JSON mapper and the few auto-configurations
 * every function needs (Spring Cloud Function's catalog, the domain's defaults), named here instead of discovered, so
 * a cold start evaluates a dozen configuration classes rather than Boot's hundreds. The deployable adds its function's own
 * auto-configuration with {@code @ImportAutoConfiguration} and its ports with {@code @Import}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootConfiguration(proxyBeanMethods = false)
@Import(LambdaObjectMapper.class)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ContextFunctionCatalogAutoConfiguration.class,
        MediaDomainConfiguration.class})
public @interface AwsLambdaApplication {

    /**
     * The main class's own bean name, e.g. {@code signUploadApplication}: by default it would be the class name
     * ({@code signUploadLambda}), which is the name the function bean must have.
     */
    @AliasFor(annotation = Configuration.class, attribute = "value")
    String value();
}
