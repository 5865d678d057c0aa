package dev.brushedit.inpaint.internal;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.inpaint.LargeImageStrategy;

/**
 * Plans the {@link WorkRegion} for an image, its mask's bounding box and a
 * {@link LargeImageStrategy}. Sizes are rounded up to {@code multiple} by padding, never by
 * cropping content away.
 *
 * <p>Thread-safety: stateless.
 */
public final class WorkRegionPlanner {
    private WorkRegionPlanner() {}

    /**
     * Plans the work region.
     *
     * @param imageWidth the original image's width
     * @param imageHeight the original image's height
     * @param maskBox the bounding box of the mask's edit region (must not be null)
     * @param strategy how to treat large images
     * @param multiple the size multiple the model needs (8 for the VAE, 64 for an SD1.5 UNet)
     */
    public static WorkRegion plan(int imageWidth, int imageHeight, Box maskBox, LargeImageStrategy strategy, int multiple) {
        Checks.positive("imageWidth", imageWidth);
        Checks.positive("imageHeight", imageHeight);
        Checks.notNull("maskBox", maskBox);
        Checks.notNull("strategy", strategy);
        Checks.inRange("multiple", multiple, 1, 512);
        Box full = new Box(0, 0, imageWidth, imageHeight);
        if (strategy instanceof LargeImageStrategy.Original) {
            return scaled(full, 1.0, multiple);
        }
        if (strategy instanceof LargeImageStrategy.Resize r) {
            return scaled(full, shrinkFactor(full, r.longestSide()), multiple);
        }
        if (strategy instanceof LargeImageStrategy.Crop c) {
            Box region = cropAround(maskBox, c.margin(), imageWidth, imageHeight);
            return scaled(region, shrinkFactor(region, c.longestSide()), multiple);
        }
        throw new InvalidInputException("unsupported large-image strategy " + strategy);
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
