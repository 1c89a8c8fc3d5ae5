package dev.mediapipeline.domain.webhook;

/**
 * A derived version of a provider copy (an eager transformation), e.g. {@code c_fill,w_256,h_256}.
 *
 * @param transformation the provider's transformation string; unique per copy, so a repeat overwrites
 * @param width          pixels, or null when the provider did not say
 */
public record DerivedCopy(String transformation, String format, Integer width, Integer height, Long bytes,
                          String secureUrl) {

    public DerivedCopy {
        if (transformation == null || transformation.isBlank()) {
            throw new IllegalArgumentException("a derived copy needs its transformation");
        }
    }
}
