package dev.mediapipeline.domain.usage;

import java.util.Locale;

/** The one-line text of an alert, the same for every sink. */
public final class AlertText {

    private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private AlertText() {
    }

    /** e.g. {@code [WARN] cloudinary storage is at 81.0% of its limit (8.05 GiB of 9.94 GiB)} */
    public static String of(String provider, ResourceUsage usage, AlertLevel level, double ratio) {
        String figures = amount(usage.usage(), usage.unit()) + " of " + amount(usage.limit(), usage.unit());
        String percent = String.format(Locale.ROOT, "%.1f%%", ratio * 100);
        String subject = provider + " " + usage.resource();
        return switch (level) {
            case WARN -> "[WARN] " + subject + " is at " + percent + " of its limit (" + figures + ")";
            case ERROR -> "[ERROR] " + subject + " is at " + percent + " of its limit (" + figures
                    + "); the provider may soon refuse new work";
            case RESOLVED -> "[RESOLVED] " + subject + " is back to " + percent + " of its limit (" + figures + ")";
        };
    }

    static String amount(double value, String unit) {
        return switch (unit) {
            case "bytes" -> bytes(value);
            case "credits" -> String.format(Locale.ROOT, "%.2f credits", value);
            default -> String.format(Locale.ROOT, "%,.0f", value);
        };
    }

    private static String bytes(double value) {
        int unit = 0;
        double scaled = value;
        while (scaled >= 1024 && unit < BINARY_UNITS.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f B", scaled)
                : String.format(Locale.ROOT, "%.2f %s", scaled, BINARY_UNITS[unit]);
    }
}
