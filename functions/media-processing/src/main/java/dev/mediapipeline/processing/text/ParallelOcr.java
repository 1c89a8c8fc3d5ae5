package dev.mediapipeline.processing.text;

import dev.mediapipeline.domain.error.PipelineException;
import dev.mediapipeline.domain.error.TransientFailureException;
import dev.mediapipeline.domain.port.TextRecognizer;
import dev.mediapipeline.domain.text.OcrImage;
import dev.mediapipeline.domain.text.PageFlag;
import dev.mediapipeline.domain.text.PageSource;
import dev.mediapipeline.domain.text.PageText;
import dev.mediapipeline.domain.text.Recognition;
import dev.mediapipeline.domain.text.TextSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recognises pages side by side, one engine process per page, at most {@code parallelism} at once, within the asset's
 * OCR budget. Pages are prepared by the caller's thread (PDFBox documents are not thread safe) and handed over as
 * they are ready; a page waits for a free slot before it is prepared, so at most {@code parallelism + 1} page images
 * are in memory.
 */
final class ParallelOcr implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ParallelOcr.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final TextRecognizer recognizer;
    private final TextSettings settings;
    private final long deadlineNanos;
    private final ExecutorService pool;
    private final Semaphore slots;
    private final Map<Integer, Future<PageText>> pending = new TreeMap<>();
    private final Map<Integer, String> warnings = new ConcurrentHashMap<>();

    ParallelOcr(TextRecognizer recognizer, TextSettings settings) {
        this.recognizer = recognizer;
        this.settings = settings;
        this.deadlineNanos = System.nanoTime() + settings.maxOcrTime().toNanos();
        this.slots = new Semaphore(settings.parallelism() + 1);
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.parallelism(), task -> {
            Thread thread = new Thread(task, "ocr-" + pool + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Waits until another page may be prepared; false when the budget ran out meanwhile (do not prepare it). */
    boolean awaitSlot() {
        try {
            long left = remainingNanos();
            return left > 0 && slots.tryAcquire(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while waiting for an OCR slot", interrupted);
        }
    }

    /** Gives back a slot taken by {@link #awaitSlot()} for a page that turned out to need no OCR. */
    void releaseSlot() {
        slots.release();
    }

    /** Recognises {@code image} as page {@code page} (1-based), using the slot the caller holds. */
    void submit(int page, OcrImage image) {
        pending.put(page, pool.submit(() -> {
            try {
                return recognise(page, image);
            } finally {
                slots.release();
            }
        }));
    }

    boolean budgetSpent() {
        return remainingNanos() <= 0;
    }

    void warn(int page, String warning) {
        warnings.merge(page, warning, (a, b) -> a + "; " + b);
    }

    /**
     * Waits for every submitted page. A fault of the engine's installation or of temporary files is thrown as a
     * {@link TransientFailureException}: it says nothing about the document, so it must not be mistaken for one.
     */
    Map<Integer, PageText> results() {
        Map<Integer, PageText> done = new TreeMap<>();
        for (Map.Entry<Integer, Future<PageText>> entry : pending.entrySet()) {
            try {
                done.put(entry.getKey(), entry.getValue().get());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new TransientFailureException("interrupted while waiting for OCR", interrupted);
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof PipelineException pipeline) {
                    throw pipeline;
                }
                throw new TransientFailureException("OCR of page " + entry.getKey() + " could not run: " + cause, cause);
            }
        }
        return done;
    }

    /** Warnings of the pages, in page order. */
    List<String> warnings() {
        return new ArrayList<>(new TreeMap<>(warnings).values());
    }

    private PageText recognise(int page, OcrImage image) throws IOException {
        long left = remainingNanos();
        if (left <= 0) {
            warn(page, "page " + page + ": not recognised, the OCR budget of " + seconds(settings.maxOcrTime())
                    + " was spent");
            return PageText.unread(page, PageSource.OCR, PageFlag.OCR_BUDGET_EXHAUSTED);
        }
        boolean budgetBound = left < settings.pageTimeout().toNanos();
        Duration timeout = budgetBound ? Duration.ofNanos(left) : settings.pageTimeout();
        Recognition recognition = recognizer.recognize(image, settings.languages(), timeout);
        if (recognition instanceof Recognition.Read read) {
            return PageText.recognised(page, read.text(),
                    read.confidence().isPresent() ? round(read.confidence().getAsDouble()) : null);
        }
        if (recognition instanceof Recognition.TimedOut) {
            warn(page, budgetBound
                    ? "page " + page + ": OCR stopped when the asset's OCR budget of " + seconds(settings.maxOcrTime())
                    + " ran out; the process was killed"
                    : "page " + page + ": OCR took longer than " + seconds(settings.pageTimeout())
                    + " and the process was killed");
            return PageText.unread(page, PageSource.OCR,
                    budgetBound ? PageFlag.OCR_BUDGET_EXHAUSTED : PageFlag.OCR_TIMEOUT);
        }
        warn(page, "page " + page + ": " + ((Recognition.Failed) recognition).detail());
        return PageText.unread(page, PageSource.OCR, PageFlag.OCR_FAILED);
    }

    private long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }

    private static double round(double confidence) {
        return Math.round(confidence * 10) / 10.0;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** Stops what still runs: an interrupted recognition kills its process. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                log.atWarn().log("OCR threads did not stop within 10 s of being interrupted");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
