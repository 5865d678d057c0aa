package dev.brushedit.inpaint.outpaint;

/**
 * What the new area of an outpainting canvas holds before the backend runs: what that backend
 * expects to see in its hole.
 *
 * <p>Thread-safety: immutable.
 */
public enum InitialFill {
    /** Black, as BrushNet's masked image has its hole ({@code image * (1 - mask)} on 0..255 pixels). */
    BLACK,
    /** Mid grey, as the SD inpainting pipeline's masked image has its hole ({@code 0} after normalisation). */
    GRAY,
    /**
     * The original mirrored outwards at each edge (a texture continuation of the border), for
     * PatchMatch, which then replaces it with patches of the image itself.
     */
    MIRROR
}
