package dev.mediapipeline.testkit.media;

/**
 * The four quarters of {@link TestImages#quadrants}, each filled with its own colour, so that a test can tell
 * where each part of the original ended up after scaling, turning or mirroring.
 */
public enum Quadrant {

    TOP_LEFT(0xD02828),
    TOP_RIGHT(0x28B040),
    BOTTOM_LEFT(0x2848D0),
    BOTTOM_RIGHT(0xF0D020);

    private final int rgb;

    Quadrant(int rgb) {
        this.rgb = rgb;
    }

    /** The fill colour as 0xRRGGBB. */
    public int rgb() {
        return rgb;
    }

    /** The centre of this quadrant in an image of the given size. */
    public int centreX(int width) {
        return this == TOP_LEFT || this == BOTTOM_LEFT ? width / 4 : width * 3 / 4;
    }

    /** The centre of this quadrant in an image of the given size. */
    public int centreY(int height) {
        return this == TOP_LEFT || this == TOP_RIGHT ? height / 4 : height * 3 / 4;
    }
}
