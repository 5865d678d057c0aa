package dev.brushedit.zone;

import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.pix2pix.ZoneAction;

/**
 * The composite stage of a {@link ZoneEditor}: pastes the edited image into the source.
 * {@link #BY_ACTION} is ZONE's rule ({@code inference.py}): ADD and CHANGE take the edited pixels
 * inside the fine mask, REMOVE inside the dilated mask (the removed object's surroundings are
 * repainted too); everything else stays the source's.
 *
 * <p>Thread-safety: implementations must be stateless or thread-safe; {@link #BY_ACTION} is.
 */
@FunctionalInterface
public interface ZoneCompositor {
    /** ZONE's composite rule per action. */
    ZoneCompositor BY_ACTION = (source, edited, fine, dilated, action) ->
            paste(source, edited, action == ZoneAction.REMOVE ? dilated : fine);

    /**
     * The composite of {@code edited} into {@code source} for {@code action}; all images and masks
     * have the source's size.
     */
    RgbImage composite(RgbImage source, RgbImage edited, Mask fine, Mask dilated, ZoneAction action);

    /** {@code source} with {@code edited}'s pixels where {@code where} is at least 0.5. */
    static RgbImage paste(RgbImage source, RgbImage edited, Mask where) {
        where.requireSameSize(source);
        where.requireSameSize(edited);
        byte[] out = source.toRgbBytes();
        byte[] e = edited.toRgbBytes();
        float[] m = where.toArray();
        for (int i = 0; i < m.length; i++) {
            if (m[i] >= 0.5f) {
                System.arraycopy(e, 3 * i, out, 3 * i, 3);
            }
        }
        return RgbImage.of(source.width(), source.height(), out);
    }
}
