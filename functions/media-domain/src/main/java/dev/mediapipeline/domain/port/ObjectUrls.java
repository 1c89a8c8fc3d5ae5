package dev.mediapipeline.domain.port;

/** Turns a stored object's key into the URL clients fetch it from (local route, bucket URL or CDN). */
@FunctionalInterface
public interface ObjectUrls {

    String urlOf(String objectKey);
}
