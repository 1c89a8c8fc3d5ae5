package dev.mediapipeline.fn.extracttext;

import dev.mediapipeline.domain.text.TextSettings;
import dev.mediapipeline.domain.text.TextStrategy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * extract-text settings ({@code media.text.*}, e.g. {@code MEDIA_TEXT_LANGUAGES=eng,deu}).
 *
 * @param strategy     {@code auto} (OCR only pages without a usable text layer), {@code text-only} or {@code ocr-all}
 * @param languages    tesseract languages, tried together; each needs its trained data installed
 * @param maxPages     pages read from one PDF; the rest is left out and the document marked truncated
 * @param maxOcrTime   OCR budget of one asset; pages it does not reach are flagged, the others kept
 * @param pageTimeout  one tesseract process is killed (with its children) after this long
 * @param maxTextBytes text kept for one asset; the rest is cut and the document marked truncated
 * @param maxBytes     objects larger than this are refused unread
 * @param maxPixels    images over this many pixels are refused; PDF pages are rendered below it
 * @param dpi          resolution PDF pages are rendered at for OCR
 * @param parallelism  tesseract processes at once; 0 means one per CPU
 * @param minTextChars letters and digits below which a page that is mostly image is OCR'd despite its text layer
 * @param lease        how long one attempt owns an asset before a redelivery may take over; longer than maxOcrTime
 */
@ConfigurationProperties("media.text")
public record TextProperties(
        @DefaultValue("auto") String strategy,
        @DefaultValue("eng") List<String> languages,
        @DefaultValue("200") int maxPages,
        @DefaultValue("4m") Duration maxOcrTime,
        @DefaultValue("60s") Duration pageTimeout,
        @DefaultValue("1MB") DataSize maxTextBytes,
        @DefaultValue("50MB") DataSize maxBytes,
        @DefaultValue("50000000") long maxPixels,
        @DefaultValue("300") int dpi,
        @DefaultValue("0") int parallelism,
        @DefaultValue("10") int minTextChars,
        @DefaultValue("6m") Duration lease,
        @DefaultValue Tesseract tesseract) {

    /** @param command the program: {@code tesseract} from the PATH, or a path to it */
    public record Tesseract(@DefaultValue("tesseract") String command) {
    }

    /** @throws IllegalArgumentException naming the property when a value cannot work */
    public TextSettings settings() {
        if (lease.compareTo(maxOcrTime) <= 0) {
            throw new IllegalArgumentException("media.text.lease (" + lease + ") must be longer than "
                    + "media.text.max-ocr-time (" + maxOcrTime + "), or a slow asset would be taken over while it is "
                    + "still being read");
        }
        int processes = parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
        return new TextSettings(TextStrategy.fromCode(strategy), languages, maxPages, maxOcrTime, pageTimeout,
                maxTextBytes.toBytes(), maxBytes.toBytes(), maxPixels, dpi, processes, minTextChars);
    }
}
