package dev.brushedit.blend;

import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;

/**
 * The result of {@link FftEdgeSmoother#smooth}: the smoothed binary mask and the composite image.
 *
 * <p>Thread-safety: immutable.
 *
 * @param mask the smoothed mask (1 where the edited image is taken)
 * @param image the original with the edited image pasted where {@code mask} is set and blended in
 *     the ring between {@code mask} and the object mask
 */
public record SmoothedEdit(Mask mask, RgbImage image) {}
