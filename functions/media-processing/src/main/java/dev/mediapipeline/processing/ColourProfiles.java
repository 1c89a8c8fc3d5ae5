package dev.mediapipeline.processing;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;

/**
 * Embedded ICC profiles. The JDK's JPEG reader converts RGB and grey pixels from their embedded profile to sRGB by
 * itself; CMYK pixels it hands over raw, and those need the file's press profile, which is found here.
 */
final class ColourProfiles {

    private ColourProfiles() {
    }

    /** The profile when it describes CMYK inks; null for no profile, another kind, or bytes that are not a profile. */
    static ICC_Profile cmykOnly(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            ICC_Profile profile = ICC_Profile.getInstance(data);
            return isCmyk(profile) ? profile : null;
        } catch (IllegalArgumentException notAProfile) {
            return null;
        }
    }

    static boolean isCmyk(ICC_Profile profile) {
        return profile != null && profile.getColorSpaceType() == ColorSpace.TYPE_CMYK;
    }
}
