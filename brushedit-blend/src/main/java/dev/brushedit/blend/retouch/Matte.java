package dev.brushedit.blend.retouch;

import dev.brushedit.blend.MaskOps;
import dev.brushedit.core.Checks;
import dev.brushedit.core.image.Mask;

/**
 * Soft edges for retouching: a binary region feathered with a Gaussian whose sigma grows with the
 * image's size, so an edit fades in over a few pixels instead of showing a hard seam. Pixels farther
 * than {@link #reach(double)} from the region keep weight 0.
 *
 * <p>Thread-safety: stateless, safe for concurrent use.
 */
public final class Matte {
    private Matte() {}

    /** The default feather sigma for a {@code width x height} image: 0.2 % of the diagonal, at least 1 pixel. */
    public static double defaultSigma(int width, int height) {
        return Math.max(1.0, 0.002 * Math.hypot(width, height));
    }

    /** How far, in pixels, a feather of {@code sigma} reaches beyond the region's edge. */
    public static int reach(double sigma) {
        return (int) Math.ceil(3 * sigma);
    }

    /**
     * {@code region} binarised at 0.5 and feathered with a Gaussian of {@code sigma} pixels (0 = no
     * feather); values in [0, 1].
     */
    public static Mask feather(Mask region, double sigma) {
        Checks.notNull("region", region);
        Checks.inRange("sigma", sigma, 0.0, 200.0);
        Mask binary = region.binarize(0.5f);
        if (sigma == 0 || binary.isEmpty() || binary.isFull()) {
            return binary;
        }
        return MaskOps.feather(binary, 2 * reach(sigma) + 1, sigma);
    }
}
