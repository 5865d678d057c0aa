package dev.brushedit.inpaint.internal;

import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Box;

/**
 * Plans the {@link WorkRegion} for an image: the whole image, or a margin around the mask's bounding
 * box, scaled down to a longest side. Sizes are rounded up to {@code multiple} by padding, never by
 * cropping content away. The public {@code LargeImageStrategy} picks which plan is used.
 *
 * <p>Thread-safety: stateless.
 */
public final class WorkRegionPlanner {
    private WorkRegionPlanner() {}

    /**
     * The whole image, scaled down so that its longest side is at most {@code longestSide}.
     *
     * @param imageWidth the original image's width
     * @param imageHeight the original image's height
     * @param longestSide the longest working side ({@link Integer#MAX_VALUE}: never scaled)
     * @param multiple the size multiple the model needs (8 for the VAE, 64 for an SD1.5 UNet)
     */
    public static WorkRegion whole(int imageWidth, int imageHeight, int longestSide, int multiple) {
        checkSizes(imageWidth, imageHeight, longestSide, multiple);
        Box full = new Box(0, 0, imageWidth, imageHeight);
        return scaled(full, shrinkFactor(full, longestSide), multiple);
    }

    /**
     * {@code margin} pixels around {@code maskBox}, clamped to the image, scaled down so that its
     * longest side is at most {@code longestSide}.
     *
     * @param maskBox the bounding box of the mask's edit region (must not be null)
     */
    public static WorkRegion around(int imageWidth, int imageHeight, Box maskBox, int margin, int longestSide, int multiple) {
        checkSizes(imageWidth, imageHeight, longestSide, multiple);
        Checks.notNull("maskBox", maskBox);
        Checks.inRange("margin", margin, 0, Integer.MAX_VALUE);
        Box region = cropAround(maskBox, margin, imageWidth, imageHeight);
        return scaled(region, shrinkFactor(region, longestSide), multiple);
    }

    private static void checkSizes(int imageWidth, int imageHeight, int longestSide, int multiple) {
        Checks.positive("imageWidth", imageWidth);
        Checks.positive("imageHeight", imageHeight);
        Checks.positive("longestSide", longestSide);
        Checks.inRange("multiple", multiple, 1, 512);
    }

    private static double shrinkFactor(Box region, int longestSide) {
        int longest = Math.max(region.width(), region.height());
        return longest > longestSide ? (double) longestSide / longest : 1.0;
    }

    private static Box cropAround(Box maskBox, int margin, int imageWidth, int imageHeight) {
        return maskBox.expand(margin).clampTo(imageWidth, imageHeight);
    }

    private static WorkRegion scaled(Box source, double factor, int multiple) {
        int w = Math.max(1, (int) Math.round(source.width() * factor));
        int h = Math.max(1, (int) Math.round(source.height() * factor));
        return new WorkRegion(source, w, h, roundUp(w, multiple), roundUp(h, multiple));
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
