package dev.mediapipeline.fn.extracttext;

import dev.mediapipeline.domain.port.TextRecognizer;
import dev.mediapipeline.domain.text.OcrImage;
import dev.mediapipeline.domain.text.Recognition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Answers every image with the same words and keeps the images it was given, to see what goes to OCR. */
final class RecordingRecognizer implements TextRecognizer {

    private final List<OcrImage> images = new ArrayList<>();
    private final String answer;

    RecordingRecognizer(String answer) {
        this.answer = answer;
    }

    @Override
    public String engine() {
        return "fake-ocr";
    }

    @Override
    public String engineVersion() {
        return "1.0";
    }

    @Override
    public synchronized Recognition recognize(OcrImage image, List<String> languages, Duration timeout) {
        images.add(image);
        return new Recognition.Read(answer, OptionalDouble.of(91.5), answer.split(" ").length);
    }

    synchronized List<OcrImage> images() {
        return List.copyOf(images);
    }
}
