package dev.mediapipeline.testkit.support;

import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Tests that need a program installed on the machine skip with the reason when it is missing, except where
 * {@code media.requireTools=true} (CI): there a missing tool fails the build, so a skip never hides a gap.
 */
public final class RequiredTools {

    private RequiredTools() {
    }

    public static void assumeAvailable(boolean available, String reason) {
        if (available) {
            return;
        }
        if (Boolean.getBoolean("media.requireTools")) {
            fail(reason + " (media.requireTools=true, so this machine must provide it)");
        }
        Assumptions.assumeTrue(false, reason);
    }
}
