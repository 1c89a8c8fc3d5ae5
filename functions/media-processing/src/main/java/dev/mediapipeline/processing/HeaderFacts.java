package dev.mediapipeline.processing;

import java.awt.color.ICC_Profile;

/**
 * What a file's header says that the ImageIO reader does not act on by itself.
 *
 * @param orientation how the stored pixels must be turned to be upright
 * @param cmykProfile the embedded press profile of CMYK pixels, which the reader does not apply; null otherwise
 */
record HeaderFacts(ExifOrientation orientation, ICC_Profile cmykProfile) {

    static final HeaderFacts PLAIN = new HeaderFacts(ExifOrientation.NORMAL, null);
}
