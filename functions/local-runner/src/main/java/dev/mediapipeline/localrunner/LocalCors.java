package dev.mediapipeline.localrunner;

import dev.mediapipeline.support.config.MediaProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS for the browser flow against the runner (the example page in {@code scripts/upload-page}): the origins of
 * {@code media.upload.allowed-origins} (MEDIA_UPLOAD_ALLOWED_ORIGINS) may sign, upload and read assets. Spring MVC
 * answers the preflights and adds {@code Access-Control-Allow-Origin}; the routes drop the one sign-upload adds
 * itself (for platforms without this layer), so a browser never sees the header twice.
 */
@Configuration(proxyBeanMethods = false)
class LocalCors implements WebMvcConfigurer {

    private final String[] origins;

    LocalCors(MediaProperties media) {
        this.origins = media.upload().allowedOrigins().toArray(String[]::new);
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (origins.length == 0) {
            return;
        }
        registry.addMapping("/sign-upload").allowedOrigins(origins).allowedMethods("POST")
                .allowedHeaders("Authorization", "Content-Type").maxAge(600);
        registry.addMapping("/local-upload").allowedOrigins(origins).allowedMethods("POST")
                .allowedHeaders("Content-Type").maxAge(600);
        registry.addMapping("/assets/**").allowedOrigins(origins).allowedMethods("GET").maxAge(600);
    }
}
