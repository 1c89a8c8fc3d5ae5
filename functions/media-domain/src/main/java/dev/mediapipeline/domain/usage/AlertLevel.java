package dev.mediapipeline.domain.usage;

import java.util.Optional;

/** What an alert announces: a resource rose to a level, or fell back to normal. */
public enum AlertLevel {
    WARN("warn"),
    ERROR("error"),
    RESOLVED("resolved");

    private final String code;

    AlertLevel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * The alert a change of level deserves: a rise is announced at its new level, a return to OK as resolved.
     * A fall from ERROR to WARN is not announced: the resource still needs attention, and people already know.
     */
    public static Optional<AlertLevel> forChange(UsageLevel from, UsageLevel to) {
        if (to.compareTo(from) > 0) {
            return Optional.of(to == UsageLevel.ERROR ? ERROR : WARN);
        }
        if (to == UsageLevel.OK && from != UsageLevel.OK) {
            return Optional.of(RESOLVED);
        }
        return Optional.empty();
    }
}
