package dev.brushedit.inpaint;

import dev.brushedit.core.Checks;

/**
 * How an image larger than the model's working resolution is processed, after IOPaint's
 * strategies. Whatever the strategy, the working size is padded (never cropped) to the multiple the
 * model needs, and pixels outside the mask are returned unchanged.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface LargeImageStrategy {

    /** Inpaint the whole image at its own size (padded to the model's multiple). */
    static LargeImageStrategy original() {
        return Original.INSTANCE;
    }

    /**
     * Scale the whole image down so its longest side is at most {@code longestSide} pixels, inpaint,
     * scale the result back up and paste it into the original through the mask.
     */
    static LargeImageStrategy resize(int longestSide) {
        return new Resize(Checks.inRange("longestSide", longestSide, 64, 16384));
    }

    /**
     * Inpaint only a crop around the mask's bounding box grown by {@code margin} pixels, scaled so
     * its longest side is at most {@code longestSide}, then paste it back. A 4000x3000 photo with a
     * small mask then costs what a {@code longestSide}-pixel edit costs.
     */
    static LargeImageStrategy crop(int margin, int longestSide) {
        return new Crop(Checks.inRange("margin", margin, 0, 4096), Checks.inRange("longestSide", longestSide, 64, 16384));
    }

    /** The whole image at its own size. */
    final class Original implements LargeImageStrategy {
        static final Original INSTANCE = new Original();

        private Original() {}

        @Override
        public String toString() {
            return "ORIGINAL";
        }
    }

    /**
     * The whole image scaled down to a longest side.
     *
     * @param longestSide the longest side of the working image, in pixels
     */
    record Resize(int longestSide) implements LargeImageStrategy {
        @Override
        public String toString() {
            return "RESIZE(" + longestSide + ")";
        }
    }

    /**
     * A crop around the mask.
     *
     * @param margin pixels added around the mask's bounding box
     * @param longestSide the longest side of the working crop, in pixels
     */
    record Crop(int margin, int longestSide) implements LargeImageStrategy {
        @Override
        public String toString() {
            return "CROP(margin=" + margin + ", " + longestSide + ")";
        }
    }
}
