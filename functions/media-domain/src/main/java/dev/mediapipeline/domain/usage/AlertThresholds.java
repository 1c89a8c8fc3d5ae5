package dev.mediapipeline.domain.usage;

/**
 * When a ratio (usage / limit) is worth an alert.
 *
 * <p>A resource rises to WARN at {@code warnAt} and to ERROR at {@code errorAt}. It only falls back once the ratio
 * is {@code hysteresis} below the threshold it crossed, so that a ratio wobbling around 80 % does not announce
 * "warn", "resolved", "warn" at every poll.
 *
 * @param warnAt     e.g. 0.80
 * @param errorAt    e.g. 0.95; above {@code warnAt}
 * @param hysteresis e.g. 0.05 (five percentage points); at least 0 and below {@code warnAt}
 */
public record AlertThresholds(double warnAt, double errorAt, double hysteresis) {

    public static final AlertThresholds DEFAULTS = new AlertThresholds(0.80, 0.95, 0.05);

    public AlertThresholds {
        if (!(warnAt > 0 && warnAt < errorAt)) {
            throw new IllegalArgumentException("alert thresholds need 0 < warnAt < errorAt, got warnAt=" + warnAt
                    + " errorAt=" + errorAt);
        }
        if (!(hysteresis >= 0 && hysteresis < warnAt)) {
            throw new IllegalArgumentException("the hysteresis must be at least 0 and below warnAt (" + warnAt
                    + "), got " + hysteresis);
        }
    }

    /** The level a resource at {@code current} moves to when its ratio is {@code ratio}. */
    public UsageLevel next(UsageLevel current, double ratio) {
        if (ratio >= errorAt || (current == UsageLevel.ERROR && ratio >= errorAt - hysteresis)) {
            return UsageLevel.ERROR;
        }
        if (ratio >= warnAt || (current != UsageLevel.OK && ratio >= warnAt - hysteresis)) {
            return UsageLevel.WARN;
        }
        return UsageLevel.OK;
    }
}
