package dev.mediapipeline.processing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reassembles an ICC profile from the APP2 segments of a JPEG: each holds the signature {@code ICC_PROFILE\0},
 * its sequence number (from 1) and the chunk count, then a slice of the profile.
 */
final class IccChunks {

    /** Press CMYK profiles reach a few MB; anything larger is not a profile worth honouring. */
    static final int MAX_PROFILE_BYTES = 4 * 1024 * 1024;

    private static final byte[] SIGNATURE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

    private byte[][] chunks;
    private long collected;
    private boolean broken;

    /** Whether an APP2 segment of this size may still be part of an acceptable profile. */
    boolean wantsMore(int payloadLength) {
        return !broken && collected + payloadLength <= MAX_PROFILE_BYTES;
    }

    void offer(byte[] payload) {
        if (payload.length < SIGNATURE.length + 2 || !Arrays.equals(payload, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            return;
        }
        int sequence = payload[SIGNATURE.length] & 0xFF;
        int count = payload[SIGNATURE.length + 1] & 0xFF;
        if (chunks == null) {
            chunks = new byte[Math.max(count, 1)][];
        }
        if (count != chunks.length || sequence < 1 || sequence > count || chunks[sequence - 1] != null) {
            broken = true;
            return;
        }
        chunks[sequence - 1] = Arrays.copyOfRange(payload, SIGNATURE.length + 2, payload.length);
        collected += payload.length;
    }

    /** The whole profile, or null when there is none or a chunk is missing, repeated or inconsistent. */
    byte[] profile() {
        if (broken || chunks == null) {
            return null;
        }
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
            if (chunk == null) {
                return null;
            }
            profile.writeBytes(chunk);
        }
        return profile.toByteArray();
    }
}
