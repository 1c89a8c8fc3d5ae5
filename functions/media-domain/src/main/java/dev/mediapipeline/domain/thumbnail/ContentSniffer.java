package dev.mediapipeline.domain.thumbnail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells what a file is from its first bytes. The declared type of an upload is never trusted: an
 * executable named {@code photo.jpg} is an executable.
 */
public final class ContentSniffer {

    /** How many leading bytes {@link #sniff} looks at. */
    public static final int HEADER_BYTES = 64;

    public static final String OCTET_STREAM = "application/octet-stream";

    private ContentSniffer() {
    }

    public static String sniff(byte[] header, int length) {
        int n = Math.min(length, header.length);
        if (n == 0) {
            return OCTET_STREAM;
        }
        if (startsWith(header, n, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(header, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWithAscii(header, n, "GIF87a") || startsWithAscii(header, n, "GIF89a")) {
            return "image/gif";
        }
        if (n >= 12 && startsWithAscii(header, n, "RIFF") && ascii(header, 8, 4).equals("WEBP")) {
            return "image/webp";
        }
        if (startsWithAscii(header, n, "%PDF-")) {
            return "application/pdf";
        }
        if (startsWithAscii(header, n, "BM")) {
            return "image/bmp";
        }
        if (startsWith(header, n, 'I', 'I', 0x2A, 0x00) || startsWith(header, n, 'M', 'M', 0x00, 0x2A)) {
            return "image/tiff";
        }
        if (startsWithAscii(header, n, "MZ")) {
            return "application/x-msdownload";
        }
        if (startsWith(header, n, 0x7F, 'E', 'L', 'F')) {
            return "application/x-executable";
        }
        if (startsWith(header, n, 'P', 'K', 0x03, 0x04)) {
            return "application/zip";
        }
        String text = ascii(header, 0, n).stripLeading().toLowerCase(Locale.ROOT);
        if (text.startsWith("<svg") || (text.startsWith("<?xml") && text.contains("<svg"))) {
            return "image/svg+xml";
        }
        if (text.startsWith("<?xml")) {
            return "application/xml";
        }
        return OCTET_STREAM;
    }

    private static boolean startsWith(byte[] data, int length, int... expected) {
        if (length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithAscii(byte[] data, int length, String prefix) {
        return startsWith(data, length, prefix.chars().toArray());
    }

    private static String ascii(byte[] data, int offset, int length) {
        return new String(data, offset, Math.min(length, data.length - offset), StandardCharsets.ISO_8859_1);
    }
}
