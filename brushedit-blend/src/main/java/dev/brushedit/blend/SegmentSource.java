package dev.brushedit.blend;

import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.util.List;

/**
 * Proposes candidate segments of an image for {@link MaskRefiner}: SAM's automatic mask
 * generator, a detector followed by SAM, or any other segmenter.
 *
 * <p>Thread-safety: as documented by each implementation.
 */
@FunctionalInterface
public interface SegmentSource {
    /**
     * The candidate segments of {@code image}, each a mask of the image's size (1 = in the segment),
     * in the source's own order (ties in {@link MaskRefiner} go to the earlier candidate).
     */
    List<Mask> segments(RgbImage image);
}
