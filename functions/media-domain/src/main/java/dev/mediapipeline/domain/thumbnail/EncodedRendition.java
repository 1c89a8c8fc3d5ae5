package dev.mediapipeline.domain.thumbnail;

/** One encoded thumbnail as the thumbnailer produced it, before it is stored. */
public record EncodedRendition(String name, int width, int height, String format, String contentType, byte[] data) {
}
