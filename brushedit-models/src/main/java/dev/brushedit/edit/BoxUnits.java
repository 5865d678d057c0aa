package dev.brushedit.edit;

/**
 * The units of the box a model returns for an ADDITION edit. The prompt asks for pixel corners
 * {@code [x0, y0, x1, y1]} of the image as sent, but many vision models answer in normalised
 * {@code [0, 1]} or in Qwen-style {@code [0, 1000]} coordinates.
 *
 * <p>Thread-safety: immutable.
 */
public enum BoxUnits {
    /**
     * Decides per reply, in this order: all four values in {@code [0, 1]} means {@link #NORMALIZED};
     * otherwise a box that fits the sent image (within one pixel) means {@link #PIXELS}; otherwise
     * all values in {@code [0, 1000]} means {@link #PER_MILLE}; anything else is taken as
     * {@link #PIXELS} and clamped. A pixel box inside a {@code 1 x 1} corner is therefore read as
     * normalised, and a pixel box that overshoots an image smaller than 1000 pixels is read as
     * per mille; set the units explicitly when the model is known.
     */
    AUTO,
    /** Pixel coordinates of the image as sent to the server. */
    PIXELS,
    /** Fractions of the width and height, {@code 0} to {@code 1}. */
    NORMALIZED,
    /** Thousandths of the width and height, {@code 0} to {@code 1000} (Qwen-VL's grounding format). */
    PER_MILLE
}
