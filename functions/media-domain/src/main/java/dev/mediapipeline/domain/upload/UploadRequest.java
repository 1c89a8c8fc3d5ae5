package dev.mediapipeline.domain.upload;

/**
 * What a client asks to upload. Nothing here is trusted: the policy checks every field, the filename is
 * kept only as a label and never becomes part of a storage key.
 *
 */
public record UploadRequest(String folder, String filename, String contentType, long size) {
}
