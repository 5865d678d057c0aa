package dev.brushedit.pix2pix;

/**
 * The edit action ZONE distinguishes: it decides how much of the MagicBrush latents are blended
 * into the InstructPix2Pix latents at each fused step ({@link #blendWeight}), which image SAM
 * segments and how the result is composited.
 *
 * <p>Thread-safety: immutable.
 */
public enum ZoneAction {
    /** Add an object. */
    ADD,
    /** Remove an object: MagicBrush's latents get the full blend weight. */
    REMOVE,
    /** Change an object's appearance or the scene. */
    CHANGE;

    /** ZONE's blend weight for non-REMOVE actions. */
    public static final double OTHER_BETA = 0.01;

    /** The blend weight ZONE uses: {@code removeBeta} for REMOVE, {@value #OTHER_BETA} for the others. */
    public double blendWeight(double removeBeta) {
        return this == REMOVE ? removeBeta : OTHER_BETA;
    }
}
