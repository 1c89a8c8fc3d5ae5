package dev.mediapipeline.domain.usage;

/** How close a metered resource is to its limit, in the order of severity. */
public enum UsageLevel {
    OK("ok"),
    WARN("warn"),
    ERROR("error");

    private final String code;

    UsageLevel(String code) {
        this.code = code;
    }

    /** The spelling in reports, alerts and the database. */
    public String code() {
        return code;
    }

    public static UsageLevel fromCode(String code) {
        for (UsageLevel level : values()) {
            if (level.code.equals(code)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown usage level: " + code);
    }
}
