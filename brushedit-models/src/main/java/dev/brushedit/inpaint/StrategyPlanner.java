package dev.brushedit.inpaint;

import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Box;
import dev.brushedit.inpaint.internal.WorkRegion;
import dev.brushedit.inpaint.internal.WorkRegionPlanner;

/** Turns a {@link LargeImageStrategy} into the work region the backend runs on. Stateless. */
final class StrategyPlanner {
    private StrategyPlanner() {}

    /** The work region for an image of this size, its mask's bounding box and {@code strategy}. */
    static WorkRegion plan(int imageWidth, int imageHeight, Box maskBox, LargeImageStrategy strategy, int multiple) {
        Checks.notNull("strategy", strategy);
        if (strategy instanceof LargeImageStrategy.Resize r) {
            return WorkRegionPlanner.whole(imageWidth, imageHeight, r.longestSide(), multiple);
        }
        if (strategy instanceof LargeImageStrategy.Crop c) {
            return WorkRegionPlanner.around(imageWidth, imageHeight, maskBox, c.margin(), c.longestSide(), multiple);
        }
        return WorkRegionPlanner.whole(imageWidth, imageHeight, Integer.MAX_VALUE, multiple);
    }
}
