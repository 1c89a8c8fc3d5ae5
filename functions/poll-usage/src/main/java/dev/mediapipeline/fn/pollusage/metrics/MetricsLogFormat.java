package dev.mediapipeline.fn.pollusage.metrics;

import java.util.Locale;
import java.util.function.Predicate;

/** Which structured metric lines to log ({@code media.usage.metrics-log.format}). */
public enum MetricsLogFormat {
    EMF,
    CLOUD_LOGGING,
    NONE;

    /**
     * @param configured {@code auto}, {@code emf}, {@code cloud-logging} or {@code none}
     * @param isSet      whether an environment property is set; {@code auto} looks for the variables the platforms
     *                   set themselves ({@code AWS_LAMBDA_FUNCTION_NAME}; {@code K_SERVICE} or {@code FUNCTION_TARGET})
     */
    public static MetricsLogFormat resolve(String configured, Predicate<String> isSet) {
        String value = configured == null ? "auto" : configured.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "emf" -> EMF;
            case "cloud-logging" -> CLOUD_LOGGING;
            case "none" -> NONE;
            case "auto" -> isSet.test("AWS_LAMBDA_FUNCTION_NAME") ? EMF
                    : isSet.test("K_SERVICE") || isSet.test("FUNCTION_TARGET") ? CLOUD_LOGGING : NONE;
            default -> throw new IllegalArgumentException("media.usage.metrics-log.format must be auto, emf, "
                    + "cloud-logging or none; got '" + configured + "'");
        };
    }
}
